/* robots.c: robots.txt by RFC 9309. A file is read line by line into
 * groups (one or more User-agent lines, then rules); the rules of the
 * groups naming our product token apply, else those naming '*'. Paths
 * on both sides are put in one percent-encoded form before they are
 * compared, and the longest matching pattern decides. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/base/strmap.h"
#include "scio/base/text.h"
#include "scio/base/url.h"
#include "scio/fetch/robots.h"

/* A longer Crawl-delay is taken as this: a file asking for more than a
 * day between requests asks for no requests, which a run cannot tell
 * from a typing slip; a day is already as good as none. */
#define CRAWL_DELAY_MAX 86400.0

struct rule {
	char *pat;		/* normalised; '*' any run of octets */
	size_t weight;		/* octets in the pattern as normalised */
	int anchored;		/* ended with '$' */
	int allow;
	char *text;		/* "Disallow: /x", as written, for messages */
};

struct ruleset {
	struct rule *v;
	size_t n, cap;
	double delay;
	int named;		/* some group named this agent */
};

struct scio_robots_rules {
	struct ruleset set;
	char *deny;		/* everything refused, for this reason */
};

/* RFC 3986's unreserved characters: escaping them changes nothing. */
static int
unreserved(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~';
}

/* The one form both sides are compared in (RFC 9309 section 2.2.2): an
 * escaped unreserved character unescaped, other escapes in upper case,
 * octets outside printable ASCII escaped. */
static char *
normalise(const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	struct scio_buf b = {0};

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int hi, lo;

		if (c == '%' && i + 2 < n && (hi = scio_hexval(s[i + 1])) >= 0 &&
		    (lo = scio_hexval(s[i + 2])) >= 0) {
			int v = hi * 16 + lo;

			if (unreserved(v)) {
				scio_buf_addc(&b, (char)v);
			} else {
				scio_buf_addc(&b, '%');
				scio_buf_addc(&b, hex[hi]);
				scio_buf_addc(&b, hex[lo]);
			}
			i += 2;
		} else if (c <= 0x20 || c >= 0x7f) {
			scio_buf_addc(&b, '%');
			scio_buf_addc(&b, hex[c >> 4]);
			scio_buf_addc(&b, hex[c & 15]);
		} else {
			scio_buf_addc(&b, (char)c);
		}
	}
	return scio_buf_take(&b);
}

/* Whether pattern p (a prefix pattern unless anchored) matches s; '*'
 * matches any run of octets. Each star keeps only its last restart
 * point, so the work is at most the product of the two lengths. */
static int
glob(const char *p, size_t pn, const char *s, size_t sn, int anchored)
{
	size_t pi = 0, si = 0, star = (size_t)-1, mark = 0;

	while (si < sn) {
		if (pi == pn && !anchored)
			return 1;
		if (pi < pn && p[pi] == '*') {
			star = pi++;
			mark = si;
		} else if (pi < pn && p[pi] == s[si]) {
			pi++;
			si++;
		} else if (star != (size_t)-1) {
			pi = star + 1;
			si = ++mark;
		} else {
			return 0;
		}
	}
	while (pi < pn && p[pi] == '*')
		pi++;
	return pi == pn;
}

static void
add_rule(struct ruleset *set, int allow, const char *key, const char *val)
{
	struct scio_buf text = {0}, pat = {0};
	struct rule *r;
	size_t n = strlen(val);

	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 8;
		set->v = scio_reallocarray(set->v, set->cap, sizeof(*set->v));
	}
	r = &set->v[set->n++];
	memset(r, 0, sizeof(*r));
	r->allow = allow;
	scio_buf_printf(&text, "%s: %s", key, val);
	r->text = scio_buf_take(&text);
	/* A pattern is a path: one written without its leading slash
	 * means the same path with it. */
	if (val[0] != '/' && val[0] != '*')
		scio_buf_addc(&pat, '/');
	if (n > 0 && val[n - 1] == '$') {
		r->anchored = 1;
		n--;
	}
	scio_buf_add(&pat, val, n);
	r->pat = normalise(scio_buf_str(&pat), pat.len);
	r->weight = strlen(r->pat) + (size_t)r->anchored;
	scio_buf_free(&pat);
}

static void
ruleset_free(struct ruleset *set)
{
	for (size_t i = 0; i < set->n; i++) {
		free(set->v[i].pat);
		free(set->v[i].text);
	}
	free(set->v);
	memset(set, 0, sizeof(*set));
}

/* Whether a User-agent value names agent: its product token (the
 * letters, '-' and '_' it starts with) compared without case. */
static int
names(const char *val, const char *agent)
{
	size_t n = 0;

	while ((val[n] >= 'A' && val[n] <= 'Z') || (val[n] >= 'a' &&
	    val[n] <= 'z') || val[n] == '-' || val[n] == '_')
		n++;
	return n > 0 && n == strlen(agent) && strncasecmp(val, agent, n) == 0;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

static double
delay_of(const char *val)
{
	char *end;
	double d = strtod(val, &end);

	if (end == val || *trim(end) != '\0' || !isfinite(d) || d < 0)
		return -1;
	return d > CRAWL_DELAY_MAX ? CRAWL_DELAY_MAX : d;
}

/* The parser's place: the groups the current one applies to. */
struct reading {
	const char *agent;
	int mine, star;		/* the current group names agent, '*' */
	int in_rules;		/* a rule came since its User-agent lines */
	struct ruleset mineset, starset;
};

static void
line(struct reading *rd, char *s)
{
	char *hash = strchr(s, '#'), *colon, *key, *val;
	double d;

	if (hash != NULL)
		*hash = '\0';
	if ((colon = strchr(s, ':')) == NULL)
		return;
	*colon = '\0';
	key = trim(s);
	val = trim(colon + 1);
	if (strcasecmp(key, "user-agent") == 0) {
		if (rd->in_rules) {
			rd->mine = rd->star = 0;
			rd->in_rules = 0;
		}
		if (strcmp(val, "*") == 0) {
			rd->star = 1;
			rd->starset.named = 1;
		} else if (names(val, rd->agent)) {
			rd->mine = 1;
			rd->mineset.named = 1;
		}
		return;
	}
	if (strcasecmp(key, "allow") == 0 || strcasecmp(key, "disallow") == 0) {
		int allow = strcasecmp(key, "allow") == 0;

		rd->in_rules = 1;
		if (*val == '\0')	/* "Disallow:" alone refuses nothing */
			return;
		if (rd->mine)
			add_rule(&rd->mineset, allow, allow ? "Allow" :
			    "Disallow", val);
		if (rd->star)
			add_rule(&rd->starset, allow, allow ? "Allow" :
			    "Disallow", val);
		return;
	}
	if (strcasecmp(key, "crawl-delay") == 0 && (d = delay_of(val)) >= 0) {
		rd->in_rules = 1;
		if (rd->mine && d > rd->mineset.delay)
			rd->mineset.delay = d;
		if (rd->star && d > rd->starset.delay)
			rd->starset.delay = d;
	}
	/* Sitemap and records this reader does not know end no group. */
}

struct scio_robots_rules *
scio_robots_parse(const char *body, size_t len, const char *agent)
{
	struct scio_robots_rules *r = scio_calloc(1, sizeof(*r));
	struct reading rd = { .agent = agent };
	struct scio_buf ln = {0};
	size_t i = 0;

	if (len >= 3 && memcmp(body, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i <= len; i++) {
		if (i == len || body[i] == '\n' || body[i] == '\r' ||
		    body[i] == '\0') {
			if (ln.len > 0)
				line(&rd, ln.s);
			scio_buf_reset(&ln);
			continue;
		}
		scio_buf_addc(&ln, body[i]);
	}
	scio_buf_free(&ln);
	if (rd.mineset.named) {
		r->set = rd.mineset;
		ruleset_free(&rd.starset);
	} else {
		r->set = rd.starset;
		ruleset_free(&rd.mineset);
	}
	return r;
}

struct scio_robots_rules *
scio_robots_allow_all(void)
{
	return scio_calloc(1, sizeof(struct scio_robots_rules));
}

struct scio_robots_rules *
scio_robots_deny_all(const char *why)
{
	struct scio_robots_rules *r = scio_calloc(1, sizeof(*r));

	r->deny = scio_strdup(why);
	return r;
}

void
scio_robots_rules_free(struct scio_robots_rules *r)
{
	if (r == NULL)
		return;
	ruleset_free(&r->set);
	free(r->deny);
	free(r);
}

int
scio_robots_allows(const struct scio_robots_rules *r, const char *path,
    char **why)
{
	const struct rule *best = NULL;
	char *p;
	size_t pn;

	if (why != NULL)
		*why = NULL;
	if (strcmp(path, "/robots.txt") == 0)
		return 1;
	if (r->deny != NULL) {
		if (why != NULL)
			*why = scio_strdup(r->deny);
		return 0;
	}
	p = normalise(path, strlen(path));
	pn = strlen(p);
	for (size_t i = 0; i < r->set.n; i++) {
		const struct rule *ru = &r->set.v[i];

		if (!glob(ru->pat, strlen(ru->pat), p, pn, ru->anchored))
			continue;
		if (best == NULL || ru->weight > best->weight ||
		    (ru->weight == best->weight && ru->allow && !best->allow))
			best = ru;
	}
	free(p);
	if (best == NULL || best->allow)
		return 1;
	if (why != NULL) {
		struct scio_buf b = {0};

		scio_buf_printf(&b, "disallowed by robots.txt ('%s')", best->text);
		*why = scio_buf_take(&b);
	}
	return 0;
}

int
scio_robots_allows_url(const struct scio_robots_rules *r, const char *url,
    char **why)
{
	const char *p = strstr(url, "://");
	struct scio_buf target = {0};
	int ok;

	/* the request target: from the first '/' or '?' after the
	 * authority up to any fragment; none at all is "/" */
	p = p != NULL ? p + 3 : url;
	p += strcspn(p, "/?#");
	if (*p != '/')
		scio_buf_addc(&target, '/');
	if (*p != '#')
		scio_buf_add(&target, p, strcspn(p, "#"));
	ok = scio_robots_allows(r, scio_buf_str(&target), why);
	scio_buf_free(&target);
	return ok;
}

double
scio_robots_crawl_delay(const struct scio_robots_rules *r)
{
	return r->deny != NULL ? 0 : r->set.delay;
}

/* The run's table. */
struct scio_robots {
	char *agent;
	struct scio_state *st;
	struct scio_robots_rules **v;	/* every rules object handed out */
	size_t n, cap;
};

struct scio_robots *
scio_robots_new(const char *agent, struct scio_state *st)
{
	struct scio_robots *rb = scio_calloc(1, sizeof(*rb));

	rb->agent = scio_strdup(agent);
	rb->st = st;
	return rb;
}

char *
scio_robots_url(struct scio_robots *rb, const char *url, const char **etag,
    const char **last_modified)
{
	char *origin = scio_url_origin(url);
	const struct scio_state_entry *e = NULL;
	struct scio_buf b = {0};
	size_t n = origin != NULL ? strlen(origin) : 0;

	*etag = *last_modified = NULL;
	/* the origin without its scheme's own port, as a person writes it */
	if (n > 3 && strncmp(origin, "http:", 5) == 0 &&
	    strcmp(origin + n - 3, ":80") == 0)
		n -= 3;
	else if (n > 4 && strncmp(origin, "https:", 6) == 0 &&
	    strcmp(origin + n - 4, ":443") == 0)
		n -= 4;
	scio_buf_add(&b, origin != NULL ? origin : "", n);
	scio_buf_adds(&b, "/robots.txt");
	free(origin);
	if (rb->st != NULL)
		e = scio_state_get(rb->st, b.s);
	/* Only a copy kept whole can answer for a 304. */
	if (e != NULL && e->robots != NULL) {
		*etag = e->etag;
		*last_modified = e->last_modified;
	}
	return scio_buf_take(&b);
}

static const struct scio_robots_rules *
keep(struct scio_robots *rb, struct scio_robots_rules *r)
{
	if (rb->n == rb->cap) {
		rb->cap = rb->cap ? rb->cap * 2 : 8;
		rb->v = scio_reallocarray(rb->v, rb->cap, sizeof(*rb->v));
	}
	rb->v[rb->n++] = r;
	return r;
}

static struct scio_robots_rules *
unavailable(const char *url, long status, const char *error)
{
	struct scio_buf b = {0};
	struct scio_robots_rules *r;

	if (status >= 300 && status < 400 && (error == NULL || *error == '\0'))
		scio_buf_printf(&b, "robots.txt '%s' not reached (HTTP %ld "
		    "not followed): the host is off limits this run", url, status);
	else if (status > 0 && error == NULL)
		scio_buf_printf(&b, "robots.txt '%s' unavailable (HTTP %ld): "
		    "the host is off limits this run", url, status);
	else
		scio_buf_printf(&b, "robots.txt '%s' unreachable (%s): the "
		    "host is off limits this run", url, error ? error :
		    "no answer");
	r = scio_robots_deny_all(b.s);
	scio_buf_free(&b);
	return r;
}

const struct scio_robots_rules *
scio_robots_settle(struct scio_robots *rb, const char *robots_url,
    long status, const char *error, const char *body, size_t len,
    const char *etag, const char *last_modified, const char *fetched_at)
{
	const struct scio_state_entry *old = NULL;
	struct scio_state_entry e = {0};
	struct scio_buf text = {0};
	struct scio_robots_rules *r;

	if (rb->st != NULL)
		old = scio_state_get(rb->st, robots_url);
	if (error == NULL && status >= 200 && status < 300) {
		if (len > (size_t)SCIO_ROBOTS_MAX_BYTES)
			len = (size_t)SCIO_ROBOTS_MAX_BYTES;
		r = scio_robots_parse(body ? body : "", len, rb->agent);
		scio_buf_add(&text, body ? body : "", len);
	} else if (error == NULL && status == 304 && old != NULL &&
	    old->robots != NULL) {
		r = scio_robots_parse(old->robots, strlen(old->robots), rb->agent);
		scio_buf_adds(&text, old->robots);
		if (etag == NULL)
			etag = old->etag;
		if (last_modified == NULL)
			last_modified = old->last_modified;
	} else if (error == NULL && status >= 400 && status < 500) {
		return keep(rb, scio_robots_allow_all());
	} else {
		return keep(rb, unavailable(robots_url, status, error));
	}
	if (rb->st != NULL) {
		e.url = robots_url;
		e.etag = etag;
		e.last_modified = last_modified;
		e.fetched_at = fetched_at;
		e.robots = scio_buf_str(&text);
		scio_state_put(rb->st, &e);
	}
	scio_buf_free(&text);
	return keep(rb, r);
}

void
scio_robots_free(struct scio_robots *rb)
{
	if (rb == NULL)
		return;
	for (size_t i = 0; i < rb->n; i++)
		scio_robots_rules_free(rb->v[i]);
	free(rb->v);
	free(rb->agent);
	free(rb);
}

/* The characters of a dot-atom (RFC 5322) besides the dots. */
static int
atext(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("!#$%&'*+/=?^_`{|}~-",
	    c) != NULL);
}

static int
label_char(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-';
}

int
scio_contact_valid(const char *s)
{
	const char *at = strchr(s, '@'), *p;
	size_t labels = 0;

	if (at == NULL || at == s || strlen(s) > 254 || strchr(at + 1, '@'))
		return 0;
	/* local part: dot-atom, no leading, trailing or double dot */
	for (p = s; p < at; p++)
		if (!(atext((unsigned char)*p) || (*p == '.' && p > s &&
		    p + 1 < at && p[1] != '.')))
			return 0;
	/* domain: two or more labels of letters, digits and inner hyphens */
	for (p = at + 1;; p++) {
		const char *start = p;

		while (label_char((unsigned char)*p))
			p++;
		if (p == start || *start == '-' || p[-1] == '-' || p - start > 63)
			return 0;
		labels++;
		if (*p == '\0')
			break;
		if (*p != '.')
			return 0;
	}
	return labels >= 2;
}

char *
scio_contact_user_agent(const char *ua, const char *email)
{
	struct scio_buf b = {0};
	size_t n = strlen(ua);

	if (n > 0 && ua[n - 1] == ')' && strchr(ua, '(') != NULL) {
		scio_buf_add(&b, ua, n - 1);
		scio_buf_printf(&b, "; +mailto:%s)", email);
	} else if (n > 0) {
		scio_buf_printf(&b, "%s (+mailto:%s)", ua, email);
	} else {
		scio_buf_printf(&b, "(+mailto:%s)", email);
	}
	return scio_buf_take(&b);
}
