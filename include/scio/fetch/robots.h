/* robots.h: robots.txt as RFC 9309 reads it, and the rest of scio-fetch's
 * manners: the rules of one group and their matcher, a run's table of
 * hosts and their rules (kept in the state between runs), and the contact
 * address a polite client sends. */
#ifndef SCIO_ROBOTS_H
#define SCIO_ROBOTS_H

#include <stddef.h>

#include "scio/fetch/state.h"

/* The largest robots.txt read: RFC 9309 lets a crawler stop at 500 KiB. */
#define SCIO_ROBOTS_MAX_BYTES (500L * 1024)

/* The redirects followed to reach a robots.txt (RFC 9309: at least five). */
#define SCIO_ROBOTS_MAX_REDIRS 5

/* The rules that apply to one agent. */
struct scio_robots_rules;

/* Reads a robots.txt body (UTF-8) for the product token agent: the rules
 * of every group naming agent (case-insensitively), else of every group
 * naming '*', else none (everything allowed). A new object. */
struct scio_robots_rules *scio_robots_parse(const char *body, size_t len,
    const char *agent);

/* Everything allowed (a robots.txt that is not there), or everything
 * refused with why as the reason given for each URL. New objects. */
struct scio_robots_rules *scio_robots_allow_all(void);
struct scio_robots_rules *scio_robots_deny_all(const char *why);

void scio_robots_rules_free(struct scio_robots_rules *r);

/* Whether path (a URL's path and query, as sent: "/a/b?c") may be
 * fetched: the longest matching rule decides, Allow winning a tie; no
 * match allows; /robots.txt is always allowed. When refused, *why (may
 * be NULL) is set to a new string naming the rule. */
int scio_robots_allows(const struct scio_robots_rules *r, const char *path,
    char **why);

/* The same for a whole URL: its path and query are looked at. */
int scio_robots_allows_url(const struct scio_robots_rules *r, const char *url,
    char **why);

/* The group's Crawl-delay in seconds, or 0 when it gives none. */
double scio_robots_crawl_delay(const struct scio_robots_rules *r);

/* A run's robots.txt files, one per origin, for the product token agent;
 * st (may be NULL) keeps each file with its validators between runs. */
struct scio_robots;

struct scio_robots *scio_robots_new(const char *agent, struct scio_state *st);

/* The robots.txt URL of the origin url is on (a new string), and the
 * validators of the copy the state keeps, for a conditional request
 * (NULL when there is none). Borrowed; valid until the next settle. */
char *scio_robots_url(struct scio_robots *rb, const char *url,
    const char **etag, const char **last_modified);

/* What the answer to a robots.txt request means for its host this run:
 * status is the final HTTP status (0 and error set: no answer), body the
 * body (truncated at SCIO_ROBOTS_MAX_BYTES), etag and last_modified its
 * validators, fetched_at its time. 2xx: its rules (and the state keeps
 * them); 304: the kept rules; other 4xx: all allowed; 5xx, no answer or
 * a redirect not followed: all refused (RFC 9309 section 2.3.1). The
 * rules are owned by rb until scio_robots_free. */
const struct scio_robots_rules *scio_robots_settle(struct scio_robots *rb,
    const char *robots_url, long status, const char *error,
    const char *body, size_t len, const char *etag,
    const char *last_modified, const char *fetched_at);

void scio_robots_free(struct scio_robots *rb);

/* Whether s has the shape of a mail address (local@domain.tld, printable
 * ASCII, no spaces or angle brackets): what --from accepts. */
int scio_contact_valid(const char *s);

/* ua with "+mailto:EMAIL" added in the usual form: inside its last
 * parenthesised comment ("x/1 (y; +mailto:E)"), else as a new one
 * ("x/1 (+mailto:E)"). A new string. */
char *scio_contact_user_agent(const char *ua, const char *email);

#endif
