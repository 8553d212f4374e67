/* feed.c: what scio-parse is fed, into records: files of page records
 * (JSON Lines from scio-fetch) or single HTML pages, each page read and
 * routed (a listing to link records, an article or notice to a doc
 * record, a transcript's pages gathered into their conference). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/base/charset.h"
#include "scio/base/diag.h"
#include "scio/base/jscan.h"
#include "scio/base/jsonl.h"
#include "scio/base/text.h"
#include "scio/parse/conf.h"
#include "scio/parse/feed.h"
#include "scio/parse/html.h"
#include "scio/parse/page.h"
#include "scio/record/record.h"

/* How many conferences may wait for missing pages at once. */
#define MAX_PENDING 32

struct scio_feed {
	struct scio_feed_opts o;
	struct scio_confset pending;
	struct scio_buf out;	/* records are made here and written out whole */
};

static void
flush_out(struct scio_feed *fd)
{
	scio_out_write(fd->out.s, fd->out.len);
	scio_buf_reset(&fd->out);
}

static void
emit_conf(struct scio_feed *fd, struct scio_conf *c)
{
	if (fd->o.docs)
		scio_conf_doc(c, &fd->out);
	else if (scio_conf_turns(c, &fd->out) == 0) {
		c->warned = 1;
		scio_conf_doc(c, &fd->out);	/* no turns: its doc record still says something */
	}
	flush_out(fd);
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
handle_page(struct scio_feed *fd, const char *html, size_t len, const char *encoding, const char *url,
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
	if (fd->o.lines) {
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
		scio_page_links(pg, &fd->out);
		flush_out(fd);
		break;
	case SCIO_KIND_ARTICLE:
	case SCIO_KIND_NOTICE:
		scio_page_doc(pg, &fd->out);
		flush_out(fd);
		break;
	case SCIO_KIND_TRANSCRIPT:
	case SCIO_KIND_CONFERENCE: {
		struct scio_conf *c = scio_confset_add(&fd->pending, pg);

		if (c)
			emit_conf(fd, c);
		/* Memory stays bounded: conferences still waiting for pages
		 * when many others have begun since are written as they are. */
		while (fd->pending.n > MAX_PENDING && (c = scio_confset_pop(&fd->pending))) {
			note_missing(c);
			emit_conf(fd, c);
		}
		return;		/* the set owns the page now */
	}
	}
	scio_page_free(pg);
	free(pg);
}

/* Page records are read through the validating scanner, which accepts
 * exactly the lines jansson does, without building a tree of the html. */
static void
parse_jsonl(struct scio_feed *fd, struct scio_input *in)
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
		t = scio_jobj_str(&obj, "type", &type) ? type.s : NULL;
		if (t && strcmp(t, "page") != 0) {
			/* not ours: passed on unchanged */
			scio_out_write(in->line, in->len);
			scio_out_write("\n", 1);
			continue;
		}
		if (!scio_jobj_str(&obj, "html", &html)) {
			scio_bad_input(in->name, in->lineno, "page record without an html string");
			continue;
		}
		rev = scio_jobj_get(&obj, "revised");
		handle_page(fd, html.s, html.len, "UTF-8", scio_jobj_str(&obj, "url", &url) ? url.s : NULL,
		    rev != NULL && rev->type == SCIO_JTRUE, in->name, in->lineno);
	} while (scio_input_next(in) > 0);
	scio_jobj_free(&obj);
	scio_buf_free(&type);
	scio_buf_free(&url);
	scio_buf_free(&html);
}

static void
parse_html_file(struct scio_feed *fd, struct scio_input *in, const char *path)
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
		const char *cs = fd->o.charset;

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
	url = fd->o.url ? fd->o.url : (strcmp(path, "-") == 0 ? NULL : path);
	if (plain)
		handle_page(fd, b.s, b.len, "UTF-8", url, 0, in->name, 0);
	else
		handle_page(fd, utf8.s, utf8.len, "UTF-8", url, 0, in->name, 0);
	scio_buf_free(&b);
	scio_buf_free(&utf8);
	scio_buf_free(&ctype);
}

void
scio_feed_file(struct scio_feed *fd, const char *path)
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
			parse_jsonl(fd, &in);
		else
			parse_html_file(fd, &in, path);
	} else if (r == 0 && strcmp(path, "-") != 0) {
		scio_bad_input(in.name, 0, "empty file");
	}
	scio_input_close(&in);
}

struct scio_feed *
scio_feed_new(const struct scio_feed_opts *o)
{
	struct scio_feed *fd = scio_calloc(1, sizeof(*fd));

	fd->o = *o;
	return fd;
}

void
scio_feed_finish(struct scio_feed *fd)
{
	struct scio_conf *c;

	while ((c = scio_confset_pop(&fd->pending)) != NULL) {
		note_missing(c);
		emit_conf(fd, c);
	}
	scio_confset_free(&fd->pending);
	scio_buf_free(&fd->out);
	free(fd);
}
