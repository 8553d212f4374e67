/* fmt_html.c: -f html, one standalone page: inline CSS, no scripts, no
 * external requests. Each conference gets its header, a contents list of
 * its questions and its turns styled by role, hits in <mark>. The page is
 * also well-formed XML, so strict parsers read it as browsers do. */
#include <string.h>

#include "scio/fmt/fmt_impl.h"
#include "scio/base/jsonl.h"
#include "scio/base/text.h"
#include "scio/base/width.h"

#define TOC_COLS 72

static const char css[] =
	"body{margin:0;background:#fafafa;color:#1b1b1b;"
	"font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}\n"
	"main{max-width:46rem;margin:0 auto;padding:1rem}\n"
	"article.conf{background:#fff;border:1px solid #ddd;border-radius:6px;"
	"padding:1rem 1.25rem;margin:0 0 2rem}\n"
	"h2{font-size:1.45rem;line-height:1.25;margin:.2rem 0 .8rem}\n"
	"h3{font-size:1rem;margin:1.6rem 0 .6rem;color:#555;"
	"text-transform:uppercase;letter-spacing:.04em}\n"
	"dl.meta{display:grid;grid-template-columns:max-content 1fr;"
	"gap:.2rem .8rem;margin:0 0 1rem;font-size:.95rem}\n"
	"dl.meta dt{font-weight:600;color:#555}dl.meta dd{margin:0}\n"
	"a{color:#0b57d0;overflow-wrap:anywhere}\n"
	"nav.toc ol{padding-left:1.6rem}nav.toc li{margin:.2rem 0}\n"
	"section.qa{border-top:1px solid #e3e3e3;margin-top:1.2rem}\n"
	".turn{margin:.9rem 0}.turn p{margin:.35rem 0}\n"
	".turn .who{font-weight:700;margin-bottom:.2rem}\n"
	".turn.chair .who{color:#00695c}.turn.official .who{color:#1a4f9c}\n"
	".turn.media{background:#fff8e1;border-left:4px solid #f0b400;"
	"padding:.3rem .8rem;border-radius:0 4px 4px 0}\n"
	".turn.media .who{color:#8a5a00}\n"
	"mark{background:#ffe066;padding:0 .1em}\n"
	"p.rec{font-size:.95rem}pre.rec{white-space:pre-wrap;"
	"overflow-wrap:anywhere;background:#f1f1f1;padding:.6rem}\n"
	"@media (max-width:30rem){main{padding:.4rem}"
	"article.conf{padding:.8rem;border-radius:0}}\n";

static void
esc_bufs(struct scio_buf *out, const struct scio_buf *b)
{
	scio_xml_esc(out, scio_buf_str(b), b->len);
}

static int
linkable(const struct scio_buf *u)
{
	const char *s = scio_buf_str(u);

	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* A link for http and https URLs only (no javascript: or data: from a
 * record); anything else is shown as text. */
static void
put_link(struct scio_buf *out, const struct scio_buf *url,
    const struct scio_buf *label)
{
	if (label == NULL || label->len == 0)
		label = url;
	if (!linkable(url)) {
		esc_bufs(out, label);
		return;
	}
	scio_buf_adds(out, "<a href=\"");
	esc_bufs(out, url);
	scio_buf_adds(out, "\">");
	esc_bufs(out, label);
	scio_buf_adds(out, "</a>");
}

/* Notes the first record's title; the page's head is written at its end
 * (html_end), when the title can name all it holds. */
static void
open_page(struct scio_fmt *f, const struct scio_buf *title)
{
	f->html_records++;
	if (f->page_open)
		return;
	if (title && title->len)
		scio_buf_add(&f->first_title, scio_buf_str(title), title->len);
	f->page_open = 1;
}

/* The <title>: one conference's own title; "N conferences, FIRST to
 * LAST" for several; "no records" for none. */
static void
page_title(struct scio_fmt *f, struct scio_buf *out)
{
	if (f->html_records == 0)
		scio_buf_adds(out, "no records");
	else if (f->html_confs <= 1 && f->first_title.len)
		esc_bufs(out, &f->first_title);
	else if (f->html_confs <= 1)
		scio_buf_adds(out, "SCIO transcripts");
	else {
		scio_buf_printf(out, "%d conferences", f->html_confs);
		if (f->date_min.len && scio_buf_str(&f->date_min)[0] != '\0') {
			scio_buf_adds(out, ", ");
			esc_bufs(out, &f->date_min);
			if (strcmp(scio_buf_str(&f->date_min), scio_buf_str(&f->date_max)) != 0) {
				scio_buf_adds(out, " to ");
				esc_bufs(out, &f->date_max);
			}
		}
	}
}

/* Widens the page's date range to take in date. */
static void
note_date(struct scio_fmt *f, const struct scio_buf *date)
{
	const char *d = scio_buf_str(date);

	if (date->len == 0)
		return;
	if (f->date_min.len == 0 || strcmp(d, scio_buf_str(&f->date_min)) < 0) {
		scio_buf_reset(&f->date_min);
		scio_buf_add(&f->date_min, d, date->len);
	}
	if (f->date_max.len == 0 || strcmp(d, scio_buf_str(&f->date_max)) > 0) {
		scio_buf_reset(&f->date_max);
		scio_buf_add(&f->date_max, d, date->len);
	}
}

static void
meta(struct scio_fmt *f, const char *label, const struct scio_buf *v, int url)
{
	scio_buf_printf(&f->out, "<dt>%s</dt><dd>", label);
	if (url)
		put_link(&f->out, v, NULL);
	else
		esc_bufs(&f->out, v);
	scio_buf_adds(&f->out, "</dd>\n");
}

static void
people(struct scio_fmt *f, const char *label, const char *label1, json_t *p)
{
	size_t i, n = json_array_size(p);
	json_t *one;

	scio_buf_printf(&f->out, "<dt>%s</dt>", n == 1 ? label1 : label);
	json_array_foreach(p, i, one) {
		scio_buf_reset(&f->tmp);
		scio_fmt_person(one, &f->tmp);
		scio_buf_adds(&f->out, "<dd>");
		esc_bufs(&f->out, &f->tmp);
		scio_buf_adds(&f->out, "</dd>");
	}
	scio_buf_addc(&f->out, '\n');
}

/* The title, then the opening of the list the fields go in. */
static void
title(struct scio_fmt *f, const char *s, size_t n)
{
	scio_buf_adds(&f->out, "<h2>");
	scio_xml_esc(&f->out, s, n);
	scio_buf_adds(&f->out, "</h2>\n<dl class=\"meta\">\n");
}

static const struct scio_fmt_header_ops html_header = {
	title, meta, people,
};

static void
html_conf_begin(struct scio_fmt *f, const struct scio_fmt_conf *c)
{
	open_page(f, &c->title);
	f->html_confs++;
	note_date(f, &c->date);
	scio_buf_reset(&f->toc);
	scio_buf_reset(&f->body);
	f->section_open = 0;
	f->toc_qa = -1;
	scio_buf_printf(&f->out, "<article class=\"conf\" id=\"c%d\">\n<header>\n",
	    c->ordinal);
	scio_fmt_header(f, c, &html_header);
	scio_buf_adds(&f->out, "</dl>\n</header>\n");
	for (int part = 0; part < 2; part++) {
		/* the summary, then an article's or notice's own text */
		const struct scio_buf *b = part ? &c->text : &c->summary;
		const char *s = scio_buf_str(b);
		size_t n = b->len, i = 0, start;

		while (scio_fmt_para_next(s, n, &i, &start)) {
			scio_buf_adds(&f->out, part ? "<p>" : "<p class=\"summary\">");
			scio_xml_esc(&f->out, s + start, i - start);
			scio_buf_adds(&f->out, "</p>\n");
		}
	}
}

/* The class of a turn: its role when it is one of the schema's. */
static const char *
role_class(const struct scio_buf *role)
{
	static const char *const roles[] = {"chair", "official", "media"};

	for (size_t i = 0; i < 3; i++)
		if (strcmp(scio_buf_str(role), roles[i]) == 0)
			return roles[i];
	return "other";
}

/* The contents entry of a question: its label and its first words. */
static void
toc_entry(struct scio_fmt *f, const struct scio_fmt_conf *c,
    const struct scio_fmt_turn *t, const struct scio_buf *label)
{
	const char *s = scio_buf_str(&t->text);
	size_t n = t->text.len, cut;

	cut = scio_str_cut(s, n, TOC_COLS);
	if (cut < n) {
		size_t sp = cut;

		while (sp > 0 && s[sp] != ' ')
			sp--;
		if (sp > cut / 2)
			cut = sp;
	}
	scio_buf_printf(&f->toc, "<li><a href=\"#c%d-q%lld\">", c->ordinal,
	    t->qa);
	esc_bufs(&f->toc, label);
	scio_buf_adds(&f->toc, "</a>: ");
	scio_xml_esc(&f->toc, s, cut);
	if (cut < n)
		scio_buf_adds(&f->toc, "\xE2\x80\xA6");
	scio_buf_adds(&f->toc, "</li>\n");
}

static void
html_turn(struct scio_fmt *f, const struct scio_fmt_conf *c,
    const struct scio_fmt_turn *t)
{
	const char *s = scio_buf_str(&t->text), *role = role_class(&t->role);
	size_t n = t->text.len, i = 0, start;
	struct scio_buf *b = &f->body;

	scio_buf_reset(&f->tmp);
	scio_fmt_turn_label(t, &f->tmp);
	if (t->new_exchange) {
		if (f->section_open)
			scio_buf_adds(b, "</section>\n");
		scio_buf_printf(b, "<section class=\"qa\" id=\"c%d-q%lld\">\n"
		    "<h3>Question %lld</h3>\n", c->ordinal, t->qa, t->qa);
		f->section_open = 1;
	}
	/* The contents list the first question of each exchange, even when
	 * the chair speaks first. */
	if (f->section_open && t->qa > 0 && t->qa != f->toc_qa &&
	    strcmp(role, "media") == 0) {
		toc_entry(f, c, t, &f->tmp);
		f->toc_qa = t->qa;
	}
	scio_buf_printf(b, "<div class=\"turn %s\">\n<p class=\"who\">", role);
	esc_bufs(b, &f->tmp);
	scio_buf_adds(b, "</p>\n");
	while (scio_fmt_para_next(s, n, &i, &start)) {
		scio_buf_adds(b, "<p>");
		scio_marks_emit(b, s, start, i, &t->marks, scio_xml_esc, "<mark>",
		    "</mark>");
		scio_buf_adds(b, "</p>\n");
	}
	scio_buf_adds(b, "</div>\n");
}

static void
html_conf_end(struct scio_fmt *f, const struct scio_fmt_conf *c)
{
	(void)c;
	if (f->toc.len) {
		scio_buf_adds(&f->out, "<nav class=\"toc\">\n<h3>Questions</h3>\n"
		    "<ol>\n");
		scio_buf_add(&f->out, f->toc.s, f->toc.len);
		scio_buf_adds(&f->out, "</ol>\n</nav>\n");
	}
	scio_buf_add(&f->out, scio_buf_str(&f->body), f->body.len);
	if (f->section_open)
		scio_buf_adds(&f->out, "</section>\n");
	scio_buf_adds(&f->out, "</article>\n");
	scio_buf_reset(&f->toc);
	scio_buf_reset(&f->body);
	f->section_open = 0;
}

static void
html_other(struct scio_fmt *f, const struct scio_frec *r, const char *type)
{
	struct scio_buf a = {0}, b = {0}, u = {0};

	scio_frec_get(r, "title", &a);
	open_page(f, &a);
	if (type && strcmp(type, "link") == 0) {
		scio_frec_get(r, "url", &u);
		scio_frec_get(r, "date", &b);
		scio_buf_adds(&f->out, "<p class=\"rec link\">");
		if (a.len == 0)
			scio_buf_adds(&a, "(untitled)");
		put_link(&f->out, &u, &a);
		if (b.len) {
			scio_buf_adds(&f->out, " <small>");
			esc_bufs(&f->out, &b);
			scio_buf_adds(&f->out, "</small>");
		}
		scio_buf_adds(&f->out, "</p>\n");
	} else if (type && strcmp(type, "page") == 0) {
		scio_buf_reset(&a);
		scio_frec_get(r, "status", &a);
		scio_frec_get(r, "final_url", &u);
		if (u.len == 0)
			scio_frec_get(r, "url", &u);
		scio_frec_get(r, "html", &b);
		scio_buf_adds(&f->out, "<p class=\"rec page\">page ");
		esc_bufs(&f->out, &a);
		scio_buf_addc(&f->out, ' ');
		put_link(&f->out, &u, NULL);
		scio_buf_printf(&f->out, " (%zu bytes)</p>\n", b.len);
	} else {
		scio_buf_reset(&a);
		scio_frec_text(r, &a);
		scio_buf_adds(&f->out, "<pre class=\"rec\">");
		esc_bufs(&f->out, &a);
		scio_buf_adds(&f->out, "</pre>\n");
	}
	scio_buf_free(&a);
	scio_buf_free(&b);
	scio_buf_free(&u);
}

static void
html_end(struct scio_fmt *f)
{
	struct scio_buf all = {0};

	scio_buf_adds(&all, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"/>\n"
	    "<meta name=\"generator\" content=\"scio-fmt\"/>\n<title>");
	page_title(f, &all);
	scio_buf_adds(&all, "</title>\n<style>\n");
	scio_buf_adds(&all, css);
	scio_buf_adds(&all, "</style>\n</head>\n<body>\n<main>\n");
	if (f->html_records == 0)
		scio_buf_adds(&all, "<p class=\"none\">no records</p>\n");
	scio_buf_add(&all, f->page.s, f->page.len);
	scio_buf_add(&all, f->out.s, f->out.len);
	scio_buf_adds(&all, "</main>\n</body>\n</html>\n");
	scio_buf_free(&f->out);
	f->out = all;
	f->page_done = 1;
}

const struct scio_doc_ops scio_fmt_html_ops = {
	NULL, html_conf_begin, html_turn, html_conf_end, html_other, html_end,
};
