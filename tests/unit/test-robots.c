/* Unit tests for the robots.txt reader and matcher (lib/fetch/robots.c):
 * a table of files, paths and verdicts covering RFC 9309's cases (group
 * choice, longest match, Allow winning a tie, '*' and '$', percent
 * escapes), and the --from address checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scio/fetch/robots.h"
#include "check.h"

struct verdict {
	const char *what;
	const char *file;	/* the robots.txt */
	const char *path;	/* asked for */
	int allowed;
	const char *rule;	/* the reason when refused, or NULL */
};

/* A file most cases share: a group for us, one for everyone else. */
#define SHOP \
	"# a shop's robots.txt\n" \
	"User-agent: *\n" \
	"Disallow: /\n" \
	"\n" \
	"User-agent: Scio-Fetch\n" \
	"Disallow: /basket/\n" \
	"Allow: /basket/help\n" \
	"Disallow: /*.pdf$\n" \
	"Disallow: /search*q=\n" \
	"Allow: /tea/\n" \
	"Disallow: /tea\n" \
	"Disallow: /caf%C3%A9/\n" \
	"Disallow: /%7Euser/\n" \
	"Disallow: /a%2fb\n"

static const struct verdict table[] = {
	{ "no rule matches: allowed", SHOP, "/pressroom/", 1, NULL },
	{ "our group, not '*': the root stays open", SHOP, "/", 1, NULL },
	{ "a prefix rule refuses what is under it", SHOP, "/basket/list", 0,
	    "disallowed by robots.txt ('Disallow: /basket/')" },
	{ "the longer Allow wins over the shorter Disallow", SHOP,
	    "/basket/help/returns", 1, NULL },
	{ "'$' anchors at the end", SHOP, "/docs/report.pdf", 0,
	    "disallowed by robots.txt ('Disallow: /*.pdf$')" },
	{ "'$': a longer path is not refused", SHOP, "/docs/report.pdf.html", 1, NULL },
	{ "'*' spans segments and the query", SHOP, "/search/all?page=2&q=tea", 0,
	    "disallowed by robots.txt ('Disallow: /search*q=')" },
	{ "'*' needs what follows it", SHOP, "/search/all?page=2", 1, NULL },
	{ "the longest match decides either way", SHOP, "/tea/green", 1, NULL },
	{ "a path only the shorter rule matches", SHOP, "/teapot", 0,
	    "disallowed by robots.txt ('Disallow: /tea')" },
	{ "UTF-8 in a path matches its escaped rule", SHOP, "/caf\xc3\xa9/menu", 0,
	    "disallowed by robots.txt ('Disallow: /caf%C3%A9/')" },
	{ "lower-case escapes are the same octets", SHOP, "/caf%c3%a9/menu", 0,
	    "disallowed by robots.txt ('Disallow: /caf%C3%A9/')" },
	{ "an escaped unreserved character is the character", SHOP,
	    "/~user/notes", 0, "disallowed by robots.txt ('Disallow: /%7Euser/')" },
	{ "an escaped slash is not a slash", SHOP, "/a/b", 1, NULL },
	{ "an escaped slash matches itself", SHOP, "/a%2Fb", 0,
	    "disallowed by robots.txt ('Disallow: /a%2fb')" },
	{ "/robots.txt itself is always allowed", SHOP, "/robots.txt", 1, NULL },
	{ "'*' group used when none names us",
	    "User-agent: somebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n",
	    "/private/x", 0, "disallowed by robots.txt ('Disallow: /private')" },
	{ "another agent's group is not ours",
	    "User-agent: somebot\nDisallow: /\n", "/x", 1, NULL },
	{ "a tie goes to Allow",
	    "User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", 1, NULL },
	{ "a tie goes to Allow whatever the order",
	    "User-agent: *\nAllow: /p*\nDisallow: /p*\n", "/page", 1, NULL },
	{ "groups naming us are merged",
	    "User-agent: scio-fetch\nDisallow: /a/\n\nUser-agent: x\nDisallow: /\n\n"
	    "User-agent: scio-fetch\nDisallow: /b/\n", "/b/1", 0,
	    "disallowed by robots.txt ('Disallow: /b/')" },
	{ "several User-agent lines start one group",
	    "User-agent: x\nUser-agent: scio-fetch\nDisallow: /shared/\n",
	    "/shared/1", 0, "disallowed by robots.txt ('Disallow: /shared/')" },
	{ "a product token with a version names us",
	    "User-agent: scio-fetch/2.0\nDisallow: /v/\n", "/v/1", 0,
	    "disallowed by robots.txt ('Disallow: /v/')" },
	{ "a longer token is another agent",
	    "User-agent: scio-fetcher\nDisallow: /\n", "/x", 1, NULL },
	{ "an empty Disallow refuses nothing",
	    "User-agent: *\nDisallow:\n", "/x", 1, NULL },
	{ "keys are case-insensitive and comments go",
	    "USER-AGENT: *   # all\nDISALLOW: /old/ # gone\n", "/old/1", 0,
	    "disallowed by robots.txt ('Disallow: /old/')" },
	{ "CR line ends and a BOM are read",
	    "\xef\xbb\xbfUser-agent: *\r\nDisallow: /x/\r\n", "/x/1", 0,
	    "disallowed by robots.txt ('Disallow: /x/')" },
	{ "rules before any User-agent belong to no group",
	    "Disallow: /\nUser-agent: *\nDisallow: /y\n", "/x", 1, NULL },
	{ "Sitemap between rules does not end the group",
	    "User-agent: *\nDisallow: /a\nSitemap: http://h/s.xml\nDisallow: /b\n",
	    "/b", 0, "disallowed by robots.txt ('Disallow: /b')" },
	{ "a rule without its slash means the path with it",
	    "User-agent: *\nDisallow: private\n", "/private/1", 0,
	    "disallowed by robots.txt ('Disallow: private')" },
	{ "an empty file allows everything", "", "/x", 1, NULL },
	{ "a file of nonsense allows everything", "<html>not robots</html>\n",
	    "/x", 1, NULL },
	{ "many stars stay quick",
	    "User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*b$\n",
	    "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    1, NULL },
};

static void
test_table(void)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		const struct verdict *v = &table[i];
		struct scio_robots_rules *r = scio_robots_parse(v->file,
		    strlen(v->file), "scio-fetch");
		char *why = NULL;
		int ok = scio_robots_allows(r, v->path, &why);

		CHECK(ok == v->allowed, v->what);
		if (!v->allowed)
			CHECK_STR(why, v->rule, v->what);
		free(why);
		scio_robots_rules_free(r);
	}
}

static void
test_urls_and_delay(void)
{
	const char *f = "User-agent: *\nDisallow: /q?x\nDisallow: /frag\n"
	    "Crawl-delay: 2.5\n";
	struct scio_robots_rules *r = scio_robots_parse(f, strlen(f), "scio-fetch");
	struct scio_robots_rules *d = scio_robots_deny_all("off limits");
	struct scio_robots_rules *a = scio_robots_allow_all();
	char *why = NULL;

	CHECK(!scio_robots_allows_url(r, "http://h:8080/q?x=1#top", NULL),
	    "a URL's query is matched");
	CHECK(scio_robots_allows_url(r, "http://h/q#?x", NULL),
	    "a URL's fragment is not");
	CHECK(scio_robots_allows_url(r, "http://h", NULL), "no path is /");
	CHECK(scio_robots_crawl_delay(r) == 2.5, "Crawl-delay is read");
	CHECK(!scio_robots_allows(d, "/x", &why) && why != NULL &&
	    strcmp(why, "off limits") == 0, "deny-all refuses with its reason");
	free(why);
	CHECK(scio_robots_allows(d, "/robots.txt", NULL),
	    "deny-all still lets robots.txt be read");
	CHECK(scio_robots_allows(a, "/anything", NULL), "allow-all allows");
	scio_robots_rules_free(r);
	scio_robots_rules_free(d);
	scio_robots_rules_free(a);
	f = "User-agent: *\nCrawl-delay: soon\n";
	r = scio_robots_parse(f, strlen(f), "scio-fetch");
	CHECK(scio_robots_crawl_delay(r) == 0, "a Crawl-delay that is no number is ignored");
	scio_robots_rules_free(r);
}

static void
test_settle(void)
{
	struct scio_state *st = scio_state_new("unused");
	struct scio_robots *rb = scio_robots_new("scio-fetch", st);
	const char *etag, *lm;
	const struct scio_robots_rules *r;
	char *u = scio_robots_url(rb, "https://h.example/a/b.htm", &etag, &lm);
	const char *body = "User-agent: *\nDisallow: /a/\n";

	CHECK_STR(u, "https://h.example/robots.txt", "robots.txt of the origin");
	CHECK(etag == NULL && lm == NULL, "nothing kept: an unconditional request");
	r = scio_robots_settle(rb, u, 200, NULL, body, strlen(body), "\"v1\"",
	    NULL, "2026-01-01T00:00:00Z");
	CHECK(!scio_robots_allows(r, "/a/b.htm", NULL), "200: its rules apply");
	free(u);
	u = scio_robots_url(rb, "https://h.example/x", &etag, &lm);
	CHECK_STR(etag, "\"v1\"", "the kept copy's ETag makes it conditional");
	r = scio_robots_settle(rb, u, 304, NULL, "", 0, NULL, NULL,
	    "2026-01-02T00:00:00Z");
	CHECK(!scio_robots_allows(r, "/a/b.htm", NULL), "304: the kept rules apply");
	r = scio_robots_settle(rb, u, 404, NULL, "", 0, NULL, NULL, "t");
	CHECK(scio_robots_allows(r, "/a/b.htm", NULL), "404: everything allowed");
	r = scio_robots_settle(rb, u, 403, NULL, "", 0, NULL, NULL, "t");
	CHECK(scio_robots_allows(r, "/a/b.htm", NULL), "403: everything allowed");
	r = scio_robots_settle(rb, u, 503, NULL, "", 0, NULL, NULL, "t");
	CHECK(!scio_robots_allows(r, "/", NULL), "503: everything refused");
	r = scio_robots_settle(rb, u, 0, "could not connect", NULL, 0, NULL,
	    NULL, "t");
	CHECK(!scio_robots_allows(r, "/", NULL), "no answer: everything refused");
	free(u);
	scio_robots_free(rb);
	rb = scio_robots_new("scio-fetch", NULL);
	r = scio_robots_settle(rb, "http://h/robots.txt", 304, NULL, "", 0,
	    NULL, NULL, "t");
	CHECK(!scio_robots_allows(r, "/", NULL),
	    "a 304 with no copy kept is no answer: refused");
	scio_robots_free(rb);
	scio_state_close(st);
}

static void
test_contact(void)
{
	char *ua;

	CHECK(scio_contact_valid("data-desk@example.org"), "a plain address");
	CHECK(scio_contact_valid("first.last+scio@mail.example.co.uk"),
	    "dots and plus in the local part");
	CHECK(!scio_contact_valid("example.org"), "no @");
	CHECK(!scio_contact_valid("me@localhost"), "a domain without a dot");
	CHECK(!scio_contact_valid("me@@example.org"), "two @");
	CHECK(!scio_contact_valid("me@example.org\r\nX-Evil: 1"),
	    "no line breaks (a header cannot be smuggled)");
	CHECK(!scio_contact_valid("<me@example.org>"), "no angle brackets");
	CHECK(!scio_contact_valid("me @example.org"), "no spaces");
	CHECK(!scio_contact_valid(".me@example.org"), "no leading dot");
	CHECK(!scio_contact_valid("me@-example.org"), "no leading hyphen in a label");
	CHECK(!scio_contact_valid("me@example..org"), "no empty label");
	ua = scio_contact_user_agent("scio-fetch/1.0 (scio-tools)", "a@b.org");
	CHECK_STR(ua, "scio-fetch/1.0 (scio-tools; +mailto:a@b.org)",
	    "+mailto: goes into the comment");
	free(ua);
	ua = scio_contact_user_agent("mybot/2", "a@b.org");
	CHECK_STR(ua, "mybot/2 (+mailto:a@b.org)", "or becomes one");
	free(ua);
}

int
main(void)
{
	test_table();
	test_urls_and_delay();
	test_settle();
	test_contact();
	return CHECK_DONE();
}
