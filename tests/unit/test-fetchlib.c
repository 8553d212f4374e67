/* Unit tests for scio-fetch's lib modules: pagination links and listing
 * dates, charsets, save names and the state file (page ids: test-pageid). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ZLIB_CONST	/* deflate reads next_in only */
#include <zlib.h>

#include "scio/base/alloc.h"
#include "scio/base/charset.h"
#include "scio/fetch/decode.h"
#include "scio/fetch/pager.h"
#include "scio/fetch/progress.h"
#include "scio/fetch/state.h"
#include "scio/fetch/urlname.h"
#include "scio/fetch/warc.h"
#include "check.h"

static void
test_paginate(void)
{
	const char *html =
	    "<html><body><div id=autopage>"
	    "<a href='content_5_3.htm'>3</a> <A HREF=\"content_5_2.htm\">2</A>"
	    "<a href='/a/b/content_5_2.htm#top'>2 again</a>"
	    "<a href='content_6_2.htm'>other conference</a>"
	    "<a href='../content_5_4.htm'>other directory</a>"
	    "<a href='content_5_9.html'>9</a>"
	    "<a href='javascript:void(0)'>js</a><a>no href</a>"
	    "</div></body></html>";
	struct scio_pager pg;
	struct scio_pagelink *v;
	size_t n;

	scio_pager_read(html, strlen(html), "http://h/a/b/content_5.htm", &pg);
	n = pg.n;
	v = pg.links;
	CHECK(n == 3, "finds the continuation links once each");
	CHECK(n == 3 && v[0].page == 2 && v[1].page == 3 && v[2].page == 9,
	    "sorted by page number");
	CHECK(n == 3 && strcmp(v[0].url, "http://h/a/b/content_5_2.htm") == 0,
	    "links are absolute, without fragment");
	scio_pager_free(&pg);
	scio_pager_read(html, strlen(html), "http://h/a/b/other.htm", &pg);
	CHECK(pg.n == 0 && pg.links == NULL, "a page that is not content_N or node_N has none");
	scio_pager_free(&pg);
	scio_pager_read(html, strlen(html), "http://h/a/b/content_5.htm?x=1", &pg);
	CHECK(pg.n == 0, "a page with a query has no pager to follow");
	scio_pager_free(&pg);
}

/* Links joined to the page's directory without curl come out as curl
 * writes them, and a page URL curl would rewrite is left to curl. */
static void
test_paginate_forms(void)
{
	const char *html =
	    "<a href='content_5_2.htm'>2</a><a href='content_5_3.htm?x'>3</a>"
	    "<a href=' content_5_4.htm'>4</a><a href='/other/page.htm'>x</a>"
	    "<a href='?x'>self</a><a href=''>self</a><a href='node_5_6.htm'>n</a>";
	struct scio_pager pg;

	scio_pager_read(html, strlen(html), "http://h:8080/a/b/content_5.htm", &pg);
	CHECK(pg.n == 1 && strcmp(pg.links[0].url,
	    "http://h:8080/a/b/content_5_2.htm") == 0,
	    "a plain file name joins the page's directory");
	scio_pager_free(&pg);
	/* curl writes the scheme in lower case: its links are then in
	 * another directory than the page's, as before */
	scio_pager_read(html, strlen(html), "HTTP://h/a/b/content_5.htm", &pg);
	CHECK(pg.n == 0, "on a page URL curl writes otherwise, links are "
	    "resolved by curl");
	scio_pager_free(&pg);
}

/* A listing's items and their dates, for --since. */
static void
test_listing_dates(void)
{
	const char *html =
	    "<html><body><ul>"
	    "<li>&bull; <a href='/p/2024-07/22/content_1.htm'>Briefing one</a> <span>2024-07-24</span></li>"
	    "<li>&bull; <a href='/p/2025-03/14/content_2.html'>Briefing two</a> March 17, 2025</li>"
	    "<li><a href='/p/node_9.htm'>A conference page</a></li>"
	    "</ul><p><a href='/p/2023-01/05/content_3.htm'>Beside a br</a> 2023-01-06<br>"
	    "<a href='/p/2023-01/05/content_3_2.htm'>a page 2 is no item</a> 2029-01-01</p>"
	    "<a href='node_8_2.htm'>2</a> 2030-01-01"
	    "</body></html>";
	struct scio_pager pg;

	scio_pager_read(html, strlen(html), "http://h/p/node_8.htm", &pg);
	CHECK(pg.items == 4, "items: links to other documents' first pages");
	CHECK(pg.dated == 3, "items dated by the text of their list item or line");
	CHECK_STR(pg.newest, "2025-03-17", "the newest item's date, in any form");
	CHECK(pg.n == 1 && pg.links[0].page == 2, "the pager link is no item");
	scio_pager_free(&pg);
	scio_pager_read("<p><a href='content_1.htm'>x</a></p>", 36, "http://h/node_8.htm", &pg);
	CHECK(pg.items == 1 && pg.dated == 0 && pg.newest[0] == '\0',
	    "an item without a date leaves no newest date");
	scio_pager_free(&pg);
}

static void
test_charset(void)
{
	struct scio_buf out = {0};
	char *cs, *d;

	cs = scio_charset_from_type("text/html; Charset=\"GB2312\"");
	CHECK_STR(cs, "GB2312", "charset from a Content-Type, quoted, any case");
	free(cs);
	cs = scio_charset_from_meta("<head><META http-equiv=Content-Type content='text/html; charset=gbk'>", 70);
	CHECK_STR(cs, "gbk", "charset from meta http-equiv");
	free(cs);
	cs = scio_charset_from_meta("<meta charset=\"utf-8\">", 22);
	CHECK_STR(cs, "utf-8", "charset from meta charset");
	free(cs);
	d = scio_charset_decoder("GB2312");
	CHECK_STR(d, "GB18030", "GB2312 is decoded as GB18030");
	free(d);
	d = scio_charset_decoder("iso-8859-1");
	CHECK_STR(d, "WINDOWS-1252", "Latin-1 is decoded as windows-1252");
	free(d);
	/* "中文" in GBK. */
	scio_charset_to_utf8("\xd6\xd0\xce\xc4", 4, "text/html; charset=gbk", &out, &cs);
	CHECK_STR(out.s, "\xe4\xb8\xad\xe6\x96\x87", "GBK becomes UTF-8");
	CHECK_STR(cs, "gbk", "the declared charset is reported as served");
	free(cs);
	scio_charset_to_utf8("a\xff" "b\0c", 5, "text/html", &out, &cs);
	CHECK(out.len == 9 && memcmp(out.s, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c", 9) == 0,
	    "invalid UTF-8 and NUL become U+FFFD");
	CHECK(cs == NULL, "no charset declared: null");
	scio_charset_to_utf8("\xef\xbb\xbfok", 5, "text/html; charset=gbk", &out, &cs);
	CHECK_STR(out.s, "ok", "a BOM wins over the header and is cut");
	free(cs);
	scio_charset_to_utf8("\xd6\xd0", 2, "text/html; charset=x-no-such", &out, &cs);
	CHECK_STR(out.s, "\xef\xbf\xbd\xef\xbf\xbd", "an unknown charset is read as UTF-8");
	free(cs);
	scio_buf_free(&out);
}

static void
test_urlname(void)
{
	char *n;
	struct scio_buf longurl = {0};

	n = scio_urlname("http://english.scio.gov.cn/pressroom/2024-07/22/content_1.htm");
	CHECK_STR(n, "english.scio.gov.cn/pressroom/2024-07/22/content_1.htm", "mirrors host and path");
	free(n);
	n = scio_urlname("http://h/a/%2e%2e/%2F/.hidden/b?x=../y");
	CHECK_STR(n, "h/a/%252e%252e/%252F/%2Ehidden/b%3Fx%3D..%2Fy",
	    "escaped dots, slashes and leading dots cannot climb or hide");
	free(n);
	n = scio_urlname("http://h/dir/");
	CHECK_STR(n, "h/dir/index%-.html", "a directory URL gets index%-.html");
	free(n);
	n = scio_urlname("http://h/dir/index.html");
	CHECK_STR(n, "h/dir/index.html", "apart from /dir/index.html");
	free(n);
	n = scio_urlname("http://h/pressroom");
	CHECK_STR(n, "h/pressroom%-.html", "a file without a dot cannot be a directory's name");
	free(n);
	n = scio_urlname("http://h/v1.2/a.htm");
	CHECK_STR(n, "h/v1.2%-/a.htm", "a directory with a dot cannot be a file's name");
	free(n);
	scio_buf_adds(&longurl, "http://h/");
	for (int i = 0; i < 300; i++)
		scio_buf_addc(&longurl, 'a' + i % 26);
	n = scio_urlname(longurl.s);
	CHECK(n != NULL && strlen(n) == 2 + 200 && strchr(n + 2, '/') == NULL &&
	    strcmp(n + strlen(n) - 7, "%-.html") == 0,
	    "a long component is cut to 200 bytes with a hash");
	free(n);
	scio_buf_free(&longurl);
}

static void
test_state(void)
{
	char path[] = "/tmp/scio-state-test-XXXXXX";
	int fd = mkstemp(path);
	struct scio_state *st;
	struct scio_state_entry e = { .url = "http://h/a", .etag = "\"e1\"",
	    .hash = "fnv1a64:00", .fetched_at = "2024-07-22T10:00:00Z", .pages = 3 };
	const struct scio_state_entry *g;
	struct scio_buf lock = {0};

	close(fd);
	unlink(path);
	st = scio_state_open(path);
	CHECK(scio_state_get(st, "http://h/a") == NULL, "a missing state file is empty");
	scio_state_put(st, &e);
	e.url = "http://h/b";
	e.pages = 0;
	scio_state_put(st, &e);
	e.etag = "\"e2\"";
	scio_state_put(st, &e);
	CHECK(scio_state_save(st) == 0, "saves");
	scio_state_close(st);
	st = scio_state_open(path);
	g = scio_state_get(st, "http://h/a");
	CHECK(g != NULL && g->pages == 3 && strcmp(g->etag, "\"e1\"") == 0 &&
	    g->last_modified == NULL, "entries come back as saved");
	g = scio_state_get(st, "http://h/b");
	CHECK(g != NULL && strcmp(g->etag, "\"e2\"") == 0, "a later put replaces an entry");
	scio_state_close(st);
	unlink(path);
	scio_buf_printf(&lock, "%s.lock", path);
	unlink(lock.s);
	scio_buf_free(&lock);
}

/* A state file an older scio-fetch wrote, keyed by URL: one page in two
 * forms becomes one entry (the form read last), and a file name used in
 * two directories stays two pages.  Then a state grown past its index's
 * first sizes finds every entry again after a reload. */
static void
test_state_forms(void)
{
	static const char old[] =
	    "{\"scio_fetch_state\":1}\n"
	    "{\"url\":\"http://h/a/content_5.htm\",\"etag\":\"a\"}\n"
	    "{\"url\":\"http://h/b/content_5.htm\",\"etag\":\"b\"}\n"
	    "{\"url\":\"http://h/m/a/content_5.html\",\"etag\":\"ma\"}\n"
	    "{\"url\":\"http://h/robots.txt\",\"etag\":\"r\"}\n";
	static const char want[] =
	    "{\"scio_fetch_state\":1}\n"
	    "{\"url\":\"http://h/m/a/content_5.html\",\"etag\":\"ma\","
	    "\"last_modified\":null,\"hash\":null,\"fetched_at\":null}\n"
	    "{\"url\":\"http://h/b/content_5.htm\",\"etag\":\"b\","
	    "\"last_modified\":null,\"hash\":null,\"fetched_at\":null}\n"
	    "{\"url\":\"http://h/robots.txt\",\"etag\":\"r\","
	    "\"last_modified\":null,\"hash\":null,\"fetched_at\":null}\n";
	struct scio_state *st = scio_state_new("old");
	struct scio_buf why = {0}, url = {0};
	const struct scio_state_entry *g;
	char *text = NULL;
	size_t n = 0;
	FILE *fp = fmemopen((void *)(uintptr_t)old, sizeof(old) - 1, "rb");
	int all = 1;

	CHECK(scio_state_read(st, fp, &why) == 0, "an old state file loads");
	fclose(fp);
	g = scio_state_get(st, "http://h/a/content_5.htm");
	CHECK(g != NULL && strcmp(g->etag, "ma") == 0,
	    "a page in two forms is one entry, the form read last");
	g = scio_state_get(st, "http://h/b/content_5.htm");
	CHECK(g != NULL && strcmp(g->etag, "b") == 0,
	    "one file name in another directory is another page");
	fp = open_memstream(&text, &n);
	CHECK(scio_state_write(st, fp) == 0, "writes");
	fclose(fp);
	CHECK_STR(text, want, "an old state written again: one line a page");
	free(text);
	text = NULL;
	for (int i = 0; i < 5000; i++) {
		struct scio_state_entry e = {0};

		scio_buf_reset(&url);
		scio_buf_printf(&url, "http://h/d%d/content_%d.htm", i % 7, i);
		e.url = url.s;
		e.etag = url.s;
		scio_state_put(st, &e);
	}
	fp = open_memstream(&text, &n);
	scio_state_write(st, fp);
	fclose(fp);
	scio_state_close(st);
	st = scio_state_new("old");
	fp = fmemopen(text, n, "rb");
	CHECK(scio_state_read(st, fp, &why) == 0, "a grown state loads");
	fclose(fp);
	for (int i = 0; i < 5000 && all; i++) {
		scio_buf_reset(&url);
		scio_buf_printf(&url, "http://h/m/d%d/content_%d.html", i % 7, i);
		g = scio_state_get(st, url.s);
		all = g != NULL && strcmp(g->etag, g->url) == 0 &&
		    strstr(g->url, "/m/") == NULL;
	}
	CHECK(all, "every entry of a grown state is found after a reload, in any form");
	free(text);
	scio_state_close(st);
	scio_buf_free(&why);
	scio_buf_free(&url);
}

static void
test_progress_bytes(void)
{
	static const struct { double n; const char *want; } t[] = {
		{0, "0 B"}, {999, "999 B"}, {1000, "1.0 kB"}, {3600, "3.6 kB"},
		{40000, "40 kB"}, {999499, "999 kB"}, {999500, "1.0 MB"},
		{1234567, "1.2 MB"}, {45e6, "45 MB"}, {2.5e9, "2.5 GB"},
	};
	char out[32];

	for (size_t i = 0; i < LEN(t); i++) {
		scio_progress_bytes(out, sizeof(out), t[i].n);
		CHECK_STR(out, t[i].want, "progress bytes in units, never 0.0 MB");
	}
}

/* text compressed with zlib's deflate: windowBits 15 + 16 gzip, 15 zlib,
 * -15 raw deflate. */
static size_t
squeeze(const char *text, int bits, unsigned char *out, size_t cap)
{
	z_stream zs;
	size_t n;

	memset(&zs, 0, sizeof(zs));
	deflateInit2(&zs, 9, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY);
	zs.next_in = (const unsigned char *)text;
	zs.avail_in = (uInt)strlen(text);
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	deflate(&zs, Z_FINISH);
	n = cap - zs.avail_out;
	deflateEnd(&zs);
	return n;
}

/* Decodes in[0..n) fed in pieces of step bytes: the status of the last
 * call (or of the end), the text in out. */
static int
unsqueeze(const char *coding, const unsigned char *in, size_t n, size_t step,
    size_t max, struct scio_buf *out)
{
	int known, rc = SCIO_DECODE_OK;
	struct scio_decode *d = scio_decode_new(coding, &known);

	scio_buf_reset(out);
	for (size_t i = 0; i < n && rc == SCIO_DECODE_OK; i += step)
		rc = scio_decode_feed(d, in + i, n - i < step ? n - i : step, out, max);
	if (rc == SCIO_DECODE_OK)
		rc = scio_decode_end(d);
	scio_decode_free(d);
	return rc;
}

static void
test_decode(void)
{
	static const char text[] = "<p>The spokesperson answered the question "
	    "on river data, and the river data again.</p>\n";
	unsigned char z[512];
	struct scio_buf out = {0};
	size_t n;
	int known;

	CHECK(scio_decode_new(NULL, &known) == NULL && known, "no coding: nothing to do");
	CHECK(scio_decode_new(" identity ", &known) == NULL && known, "identity: nothing to do");
	CHECK(scio_decode_new("br", &known) == NULL && !known, "br is not known");
	n = squeeze(text, 15 + 16, z, sizeof(z));
	CHECK(unsqueeze("gzip", z, n, n, 0, &out) == 0 && strcmp(scio_buf_str(&out), text) == 0,
	    "gzip decodes");
	CHECK(unsqueeze("X-GZIP", z, n, 1, 0, &out) == 0 && strcmp(scio_buf_str(&out), text) == 0,
	    "x-gzip, fed a byte at a time, decodes");
	CHECK(unsqueeze("gzip", z, n, n, 20, &out) == SCIO_DECODE_BIG,
	    "more than the limit is too big");
	CHECK(unsqueeze("gzip", z, n - 5, 7, 0, &out) == SCIO_DECODE_BAD,
	    "a gzip body cut short is bad");
	z[12] ^= 0x55;
	CHECK(unsqueeze("gzip", z, n, n, 0, &out) == SCIO_DECODE_BAD, "garbled gzip is bad");
	n = squeeze(text, 15, z, sizeof(z));
	CHECK(unsqueeze("deflate", z, n, 3, 0, &out) == 0 && strcmp(scio_buf_str(&out), text) == 0,
	    "deflate with its zlib wrapper decodes");
	n = squeeze(text, -15, z, sizeof(z));
	CHECK(unsqueeze("deflate", z, n, n, 0, &out) == 0 && strcmp(scio_buf_str(&out), text) == 0,
	    "deflate without the wrapper, as some servers send it, decodes");
	CHECK(unsqueeze("deflate", z, n, 1, 0, &out) == 0 && strcmp(scio_buf_str(&out), text) == 0,
	    "deflate without the wrapper, fed a byte at a time, decodes");
	scio_buf_free(&out);
}

/* The warcinfo record a run starts with says what it was told. */
static void
test_warcinfo(void)
{
	char path[] = "/tmp/scio-warc-test-XXXXXX";
	int fd = mkstemp(path);
	struct scio_warc_info wi = { .robots = "classic", .user_agent = "ua/1\r\nx: y",
	    .from = "someone@example.org" };
	struct scio_warc *w;
	char buf[4096];
	ssize_t n;

	if (fd < 0) {
		CHECK(0, "a temporary file for the warcinfo test");
		return;
	}
	w = scio_warc_open(path, &wi);
	scio_warc_close(w);
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	CHECK(strstr(buf, "\r\nrobots: classic\r\n") != NULL, "warcinfo: the robots policy");
	CHECK(strstr(buf, "\r\nhttp-header-from: someone@example.org\r\n") != NULL,
	    "warcinfo: the From address");
	CHECK(strstr(buf, "\r\nhttp-header-user-agent: ua/1  x: y\r\n") != NULL,
	    "warcinfo: a line break in a value does not start a field");
	CHECK(strstr(buf, "WARC-Block-Digest: sha1:") != NULL, "warcinfo: its digest");
	close(fd);
	unlink(path);
}

static void
test_state_pace(void)
{
	static const struct { double interval, took, want; } t[] = {
		{1, 0, 1}, {1, 0.05, 1}, {1, 0.1, 1}, {1, 0.25, 2.5},
		{30, 2, 30}, {30, 4, 40}, {0, 5, 0}, {0.5, 0.01, 0.5},
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		double got = scio_state_pace(t[i].interval, t[i].took);

		CHECK(got > t[i].want - 1e-9 && got < t[i].want + 1e-9,
		    "a checkpoint waits at least ten saves' time, never delays a save asked now");
	}
}

int
main(void)
{
	test_paginate();
	test_paginate_forms();
	test_listing_dates();
	test_charset();
	test_urlname();
	test_state();
	test_state_forms();
	test_state_pace();
	test_progress_bytes();
	test_decode();
	test_warcinfo();
	return CHECK_DONE();
}
