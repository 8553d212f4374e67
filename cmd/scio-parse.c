/* scio-parse: SCIO pages into turn, doc and link records. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/base/charset.h"
#include "scio/base/cli.h"
#include "scio/parse/conf.h"
#include "scio/base/diag.h"
#include "scio/parse/html.h"
#include "scio/base/jscan.h"
#include "scio/base/jsonl.h"
#include "scio/parse/page.h"
#include "scio/base/text.h"

static const char usage_text[] =
"Usage: scio-parse [OPTION]... [FILE]...\n"
"Turn pages of the SCIO English site into JSON Lines records.\n"
"\n"
"Each FILE holds page records from scio-fetch (JSON Lines with url and\n"
"html) or is one HTML page; with no FILE, or when FILE is -, standard\n"
"input is read. Pages of one conference are merged, in page order.\n"
"\n"
"Output (one JSON object per line):\n"
"  turn  one per speaker turn (the default): doc, url, page, seq, title,\n"
"        date, speaker, speaker_title, role, outlet, qa, text\n"
"  doc   one per conference with --docs, its turns nested; articles and\n"
"        notices always come out as doc records\n"
"  link  one per item of a listing page, for scio-fetch to follow\n"
"Turn and doc records of a conference a page record marks \"revised\" (a\n"
"transcript changed on the site) say \"revised\": true, as does a conference\n"
"that comes again in the input with other pages: the last one is current.\n"
"\n"
"Options:\n"
"  -d, --docs           one doc record per conference instead of turns\n"
"  -u, --url URL        the URL of the one HTML FILE given (default: its name)\n"
"  -c, --charset NAME   the charset of HTML files that do not declare one\n"
"                       (default: UTF-8, or a guess when that fails)\n"
"      --explain        print the lines of text each page gives, with the\n"
"                       pass that claimed each and why, instead of records\n"
"      --lines          the same as --explain\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n"
"\n"
"Exit status: 0 if all went well, 2 if any input was bad (each bad line\n"
"or page is reported as FILE:LINE and skipped; the rest is still parsed).\n"
"See scio-parse(1).\n";

/* How many conferences may wait for missing pages at once. */
#define MAX_PENDING 32

struct opts {
	int docs;
	int lines;
	const char *url;
	const char *charset;
};

static struct opts opt;
static struct scio_confset pending;

/* Records are made into one buffer and written out whole. */
static struct scio_buf outbuf;

static void
flush_out(void)
{
	scio_out_write(outbuf.s, outbuf.len);
	scio_buf_reset(&outbuf);
}

static void
emit_conf(struct scio_conf *c)
{
	if (opt.docs)
		scio_conf_doc(c, &outbuf);
	else if (scio_conf_turns(c, &outbuf) == 0) {
		c->warned = 1;
		scio_conf_doc(c, &outbuf);	/* no turns: its doc record still says something */
	}
	flush_out();
	scio_conf_free(c);
}

/* Says which pages of a conference never came, as "page 1" or "pages
 * 2-11, 13". */
static void
note_missing(const struct scio_conf *c)
{
	struct scio_buf b = {0};
	int want = c->expected > (int)c->npages ? c->expected : (int)c->npages;
	int count = 0;

	for (int k = 0; k < want; k++) {
		int j = k;

		if ((size_t)k < c->npages && c->pages[k] != NULL)
			continue;
		while (j + 1 < want && ((size_t)j + 1 >= c->npages || c->pages[j + 1] == NULL))
			j++;
		scio_buf_printf(&b, "%s%d", b.len ? ", " : "", k + 1);
		if (j > k)
			scio_buf_printf(&b, "-%d", j + 1);
		count += j - k + 1;
		k = j;
	}
	if (b.len)
		scio_warn("conference %s: %s %s of %d missing; parsed without %s",
		    c->doc, count > 1 ? "pages" : "page", b.s, want,
		    count > 1 ? "them" : "it");
	scio_buf_free(&b);
}

static int
looks_binary(const char *s, size_t n)
{
	size_t lim = n < 4096 ? n : 4096, ctl = 0;

	/* cppcheck-suppress knownConditionTrueFalse ; n > 0: empty pages are refused first */
	for (size_t i = 0; i < lim; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0)
			return 1;
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
			ctl++;
	}
	return ctl * 20 > lim;
}

/* A charset for HTML that declares none and is not UTF-8: GB18030 when
 * high bytes come in pairs as they do in GBK, else Windows-1252. */
static const char *
guess_charset(const char *s, size_t n)
{
	size_t pairs = 0, singles = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80)
			continue;
		if (c >= 0x81 && c <= 0xFE && i + 1 < n &&
		    (unsigned char)s[i + 1] >= 0x40 && (unsigned char)s[i + 1] != 0x7F) {
			pairs++;
			i++;
		} else {
			singles++;
		}
	}
	return pairs > singles * 4 ? "GB18030" : "windows-1252";
}

/* --lines: the text as scio-parse sees it, one record per line, for
 * finding out why a page was misread. */
static void
dump_lines(const struct scio_page_text *pt, const char *url)
{
	for (size_t i = 0; i < pt->nlines; i++) {
		const struct scio_line *ln = &pt->lines[i];
		json_t *o = json_object(), *flags = json_array();

		json_object_set_new(o, "type", json_string("line"));
		json_object_set_new(o, "url", url ? json_string(url) : json_null());
		json_object_set_new(o, "n", json_integer((json_int_t)i + 1));
		if (ln->flags & SCIO_LINE_BOLD)
			json_array_append_new(flags, json_string("bold"));
		if (ln->flags & SCIO_LINE_HEADING)
			json_array_append_new(flags, json_string("heading"));
		if (ln->flags & SCIO_LINE_TITLEISH)
			json_array_append_new(flags, json_string("title"));
		if (ln->flags & SCIO_LINE_LINKED)
			json_array_append_new(flags, json_string("link"));
		json_object_set_new(o, "flags", flags);
		json_object_set_new(o, "pass", json_string(scio_claim_name(ln->claim)));
		json_object_set_new(o, "why", ln->why ? json_string(ln->why) : json_null());
		json_object_set_new(o, "href", ln->href ? json_string(ln->href) : json_null());
		json_object_set_new(o, "text", json_string(ln->text));
		scio_record_write(o);
		json_decref(o);
	}
}

static int
has_bom(const char *s, size_t n)
{
	return (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ||
	    (n >= 2 && (memcmp(s, "\xFF\xFE", 2) == 0 || memcmp(s, "\xFE\xFF", 2) == 0));
}

/* Parses one page and routes what it yields. */
static void
handle_page(const char *html, size_t len, const char *encoding, const char *url,
    int revised, const char *file, size_t line)
{
	struct scio_page_text pt = {0};
	struct scio_page *pg;

	if (len == 0 || scio_line_is_blank(html, len)) {
		scio_bad_input(file, line, "empty page%s%s", url ? " " : "", url ? url : "");
		return;
	}
	if (looks_binary(html, len)) {
		scio_bad_input(file, line, "not an HTML page (binary data)");
		return;
	}
	if (scio_html_read(html, len, encoding, &pt) < 0) {
		scio_bad_input(file, line, "cannot read the page as HTML");
		scio_page_text_free(&pt);
		return;
	}
	pg = scio_malloc(sizeof(*pg));
	if (opt.lines) {
		/* the passes claim the lines as they read them */
		if (scio_page_read(&pt, url, html, len, pg) == 0)
			scio_page_free(pg);
		free(pg);
		dump_lines(&pt, url);
		scio_page_text_free(&pt);
		return;
	}
	if (scio_page_read(&pt, url, html, len, pg) < 0) {
		scio_bad_input(file, line, "no recognisable structure in %s "
		    "(no title, participants or turns)", url ? url : "the page");
		scio_page_text_free(&pt);
		free(pg);
		return;
	}
	scio_page_text_free(&pt);
	pg->revised = revised;
	if (pg->truncated)
		scio_bad_input(file, line, "%s ends early (no closing </html>); "
		    "parsed what is there", pg->url);
	switch (pg->kind) {
	case SCIO_KIND_LISTING:
		scio_page_links(pg, &outbuf);
		flush_out();
		break;
	case SCIO_KIND_ARTICLE:
	case SCIO_KIND_NOTICE:
		scio_page_doc(pg, &outbuf);
		flush_out();
		break;
	case SCIO_KIND_TRANSCRIPT:
	case SCIO_KIND_CONFERENCE: {
		struct scio_conf *c = scio_confset_add(&pending, pg);

		if (c)
			emit_conf(c);
		/* Memory stays bounded: conferences still waiting for pages
		 * when many others have begun since are written as they are. */
		while (pending.n > MAX_PENDING && (c = scio_confset_pop(&pending))) {
			note_missing(c);
			emit_conf(c);
		}
		return;		/* the set owns the page now */
	}
	}
	scio_page_free(pg);
	free(pg);
}

/* A member's string value, decoded into b; NULL when it is absent or
 * not a string. */
static const char *
member_str(struct scio_jobj *obj, const char *key, struct scio_buf *b)
{
	const struct scio_jmember *m = scio_jobj_get(obj, key);

	scio_buf_reset(b);
	if (m == NULL || m->type != SCIO_JSTRING)
		return NULL;
	scio_jstr_decode(m->val, m->vallen, b);
	scio_buf_grow(b, 0);
	return b->s;
}

/* Page records are read through the validating scanner, which accepts
 * exactly the lines jansson does, without building a tree of the html. */
static void
parse_jsonl(struct scio_input *in)
{
	struct scio_jobj obj = {0};
	struct scio_buf type = {0}, url = {0}, html = {0};
	struct scio_jerr err;

	do {
		const struct scio_jmember *rev;
		const char *t;

		if (scio_line_is_blank(in->line, in->len))
			continue;
		if (scio_jscan(in->line, in->len, &obj, &err) < 0) {
			scio_bad_input(in->name, in->lineno, "bad JSON at column %zu: %s",
			    err.column, err.text);
			continue;
		}
		t = member_str(&obj, "type", &type);
		if (t && strcmp(t, "page") != 0) {
			/* not ours: passed on unchanged */
			scio_out_write(in->line, in->len);
			scio_out_write("\n", 1);
			continue;
		}
		if (member_str(&obj, "html", &html) == NULL) {
			scio_bad_input(in->name, in->lineno, "page record without an html string");
			continue;
		}
		rev = scio_jobj_get(&obj, "revised");
		handle_page(html.s, html.len, "UTF-8", member_str(&obj, "url", &url),
		    rev != NULL && rev->type == SCIO_JTRUE, in->name, in->lineno);
	} while (scio_input_next(in) > 0);
	scio_jobj_free(&obj);
	scio_buf_free(&type);
	scio_buf_free(&url);
	scio_buf_free(&html);
}

static void
parse_html_file(struct scio_input *in, const char *path)
{
	struct scio_buf b = {0}, utf8 = {0}, ctype = {0};
	char chunk[65536];
	size_t n;
	const char *url;
	char *declared;
	int plain = 0;

	/* the first line is already read: put it back */
	scio_buf_add(&b, in->line, in->len);
	scio_buf_addc(&b, '\n');
	while ((n = fread(chunk, 1, sizeof(chunk), in->fp)) > 0)
		scio_buf_add(&b, chunk, n);
	if (ferror(in->fp)) {
		scio_warn_errno("%s: read error", in->name);
		scio_set_status(SCIO_EXIT_ERROR);
		scio_buf_free(&b);
		return;
	}
	/* What the file declares (a BOM, a meta tag) wins; then --charset;
	 * then UTF-8 when the bytes are UTF-8, else a guess. */
	declared = scio_charset_from_meta(b.s, b.len);
	if (declared == NULL && !has_bom(b.s, b.len)) {
		const char *cs = opt.charset;

		if (cs == NULL && !scio_utf8_valid(b.s, b.len))
			cs = guess_charset(b.s, b.len);
		if (cs)
			scio_buf_printf(&ctype, "text/html; charset=%s", cs);
		else
			plain = 1;	/* UTF-8 as it is: no copy */
	} else if (declared && !has_bom(b.s, b.len) &&
	    (strcasecmp(declared, "utf-8") == 0 || strcasecmp(declared, "utf8") == 0) &&
	    scio_utf8_valid(b.s, b.len)) {
		plain = 1;
	}
	free(declared);
	if (!plain)
		scio_charset_to_utf8(b.s, b.len, ctype.len ? ctype.s : NULL, &utf8, NULL);
	url = opt.url ? opt.url : (strcmp(path, "-") == 0 ? NULL : path);
	if (plain)
		handle_page(b.s, b.len, "UTF-8", url, 0, in->name, 0);
	else
		handle_page(utf8.s, utf8.len, "UTF-8", url, 0, in->name, 0);
	scio_buf_free(&b);
	scio_buf_free(&utf8);
	scio_buf_free(&ctype);
}

static void
parse_file(const char *path)
{
	struct scio_input in;
	size_t i;
	int r;

	if (scio_input_open(&in, path) < 0)
		return;
	/* JSON Lines start with '{' (after blank lines); anything else is
	 * taken for one HTML page. */
	while ((r = scio_input_next(&in)) > 0 && scio_line_is_blank(in.line, in.len))
		;
	if (r > 0) {
		for (i = 0; i < in.len && (in.line[i] == ' ' || in.line[i] == '\t'); i++)
			;
		if (in.line[i] == '{')
			parse_jsonl(&in);
		else
			parse_html_file(&in, path);
	} else if (r == 0 && strcmp(path, "-") != 0) {
		scio_bad_input(in.name, 0, "empty file");
	}
	scio_input_close(&in);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"docs", no_argument, NULL, 'd'},
		{"url", required_argument, NULL, 'u'},
		{"charset", required_argument, NULL, 'c'},
		{"explain", no_argument, NULL, 'L'},
		{"lines", no_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct scio_conf *c;
	int ch;

	scio_cli_start(argc, argv, longopts);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":du:c:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			opt.docs = 1;
			break;
		case 'u':
			opt.url = optarg;
			break;
		case 'c':
			opt.charset = optarg;
			break;
		case 'L':
			opt.lines = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			scio_out_close();
			return SCIO_EXIT_OK;
		case 'V':
			scio_cli_version();
			break;
		default:
			scio_cli_bad_option(ch, argv);
		}
	}
	if (opt.url && argc - optind > 1)
		scio_usage_error("--url names one page: give one FILE with it");
	if (optind == argc)
		parse_file("-");
	for (int i = optind; i < argc; i++)
		parse_file(argv[i]);
	while ((c = scio_confset_pop(&pending)) != NULL) {
		note_missing(c);
		emit_conf(c);
	}
	scio_confset_free(&pending);
	scio_buf_free(&outbuf);
	scio_out_close();
	return scio_exit_status();
}
