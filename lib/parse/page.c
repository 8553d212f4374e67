/* page.c: one page through the passes of passes.h, into its kind, its
 * header fields, its body paragraphs or a listing's items. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/parse/lexicon.h"
#include "scio/parse/page.h"
#include "scio/base/strmap.h"
#include "scio/parse/passes.h"
#include "scio/base/text.h"
#include "scio/base/url.h"
#include "scio/record/pageid.h"

/* Pages of one conference are held in one array by number: a URL that
 * claims a page beyond this names no page scio-parse merges. */
#define MAX_PAGENO 999

#define UEDITOR_TAG "_ueditor_page_break_tag_"

/* A link on the page as an absolute URL; as written when the page's own
 * URL is not one (a file read from disk) or the link does not resolve. */
static char *
resolve(const char *base, const char *href)
{
	char *u = scio_url_resolve(base, href);

	return u ? u : scio_strdup(href);
}

/* The conference id and page number url names, by the one page-id
 * grammar: "NNN" or "node_NNN" (a new string) and K, or NULL. */
static char *
url_doc(const char *url, int *pageno)
{
	struct scio_pageid id;
	char *doc = NULL;

	*pageno = 1;
	if (scio_pageid_parse(url, &id) == 0 && id.page <= MAX_PAGENO) {
		doc = scio_pageid_doc(&id);
		*pageno = (int)id.page;
	}
	scio_pageid_free(&id);
	return doc;
}

const char *
scio_kind_name(enum scio_kind k)
{
	switch (k) {
	case SCIO_KIND_TRANSCRIPT: return "transcript";
	case SCIO_KIND_CONFERENCE: return "conference";
	case SCIO_KIND_NOTICE: return "notice";
	case SCIO_KIND_LISTING: return "listing";
	case SCIO_KIND_ARTICLE: return "article";
	}
	return "article";
}

static const char *
line_at(const struct scio_page_text *pt, size_t i)
{
	return pt->lines[i].text;
}

static void
add_para(struct scio_page *pg, const struct scio_line *ln, const char *s)
{
	size_t lead = ln ? ln->lead : 0;
	struct scio_para *p;
	const char *tag = strstr(s, UEDITOR_TAG);
	char *para;

	if (tag == NULL) {
		para = scio_strdup(s);	/* lines come collapsed already */
	} else {
		/* the CMS's page-break marker, alone or glued to a label */
		struct scio_buf b = {0}, t = {0};

		do {
			scio_buf_add(&b, s, (size_t)(tag - s));
			s = tag + strlen(UEDITOR_TAG);
		} while ((tag = strstr(s, UEDITOR_TAG)) != NULL);
		scio_buf_adds(&b, s);
		scio_ws_collapse(b.s, b.len, &t);
		scio_buf_free(&b);
		if (t.len == 0) {
			scio_buf_free(&t);
			return;
		}
		para = scio_buf_take(&t);
		ln = NULL;	/* the tag moved things: look again */
		lead = 0;
	}
	SCIO_ALLOC_GROW(pg->paras, pg->nparas + 1, pg->parascap);
	p = &pg->paras[pg->nparas++];
	p->text = para;
	p->lead = lead;
	if (ln) {
		p->alone = ln->alone;
		p->inl = ln->inl;
		p->rest = ln->rest;
	} else {
		const char *rest;

		p->alone = scio_label_alone(para, strlen(para));
		p->inl = p->alone ? 0 : scio_label_inline(para, strlen(para), &rest);
		p->rest = p->inl ? (size_t)(rest - para) : 0;
	}
}

/* --- listings ----------------------------------------------------------- */

static void
add_item(struct scio_page *pg, char *url, const char *title, const char *date)
{
	for (size_t i = 0; i < pg->nitems; i++)
		if (strcmp(pg->items[i].url, url) == 0) {
			free(url);
			return;
		}
	SCIO_ALLOC_GROW(pg->items, pg->nitems + 1, pg->itemscap);
	pg->items[pg->nitems].url = url;
	pg->items[pg->nitems].title = scio_strdup(title);
	pg->items[pg->nitems].date = date ? scio_strndup(date, 10) : NULL;
	pg->nitems++;
}

static const char *
skip_bullet(const char *s)
{
	if (strncmp(s, "\xE2\x80\xA2", 3) == 0 || strncmp(s, "\xC2\xB7", 2) == 0)
		s += (*s == '\xE2') ? 3 : 2;
	while (*s == ' ')
		s++;
	return s;
}

/* The date a listed item shows: run into its title (mobile listings), on
 * its line, or on the line after. */
static const char *
item_date(const struct scio_page_text *pt, const struct scio_link *lk,
    const char *title, size_t *tlen, char date[11])
{
	const char *line = lk->line < pt->nlines ? line_at(pt, lk->line) : NULL;
	size_t ll = line ? strlen(line) : 0;

	if (*tlen > 10 && isdigit((unsigned char)title[*tlen - 10]) &&
	    scio_date_line(title + *tlen - 10, date)) {
		*tlen -= 10;
		while (*tlen > 0 && (title[*tlen - 1] == ' ' || title[*tlen - 1] == '|'))
			(*tlen)--;
		return date;
	}
	if (line && ll > 10 && isdigit((unsigned char)line[ll - 10]) &&
	    scio_date_line(line + ll - 10, date))
		return date;
	if (line && scio_date_find(line, date, NULL))
		return date;
	if (lk->line + 1 < pt->nlines && scio_date_line(line_at(pt, lk->line + 1), date))
		return date;
	return NULL;
}

/* Collects a listing's items: links to transcripts and conferences. */
static void
read_items(struct scio_page_text *pt, struct scio_page *pg, size_t end)
{
	for (size_t k = 0; k < pt->nlinks; k++) {
		const struct scio_link *lk = &pt->links[k];
		const char *title = skip_bullet(lk->text), *d;
		char *url, *doc, *t, date[11];
		size_t tlen;
		int pno;

		/* the sidebar's related links after the list are not listed */
		if (lk->line >= end || scio_word_count(title, strlen(title)) < 3)
			continue;
		url = resolve(pg->url, lk->href);
		doc = url_doc(url, &pno);
		if (doc == NULL || pno != 1 || (pg->doc && strcmp(doc, pg->doc) == 0)) {
			free(doc);
			free(url);
			continue;
		}
		free(doc);
		tlen = strlen(title);
		d = item_date(pt, lk, title, &tlen, date);
		t = scio_strndup(title, tlen);
		add_item(pg, url, t, d);
		free(t);
		if (lk->line < pt->nlines)
			scio_line_claim(pt, lk->line, SCIO_CLAIM_ITEM, "a listed item");
	}
}

static int
count_bullets(const struct scio_page_text *pt)
{
	int n = 0;

	for (size_t i = 0; i < pt->nlines; i++)
		if (pt->lines[i].href && skip_bullet(line_at(pt, i)) != line_at(pt, i))
			n++;
	return n;
}

/* --- notices and dates ---------------------------------------------------- */

/* A notice: "Notice of SCIO press conference on June 17 (10 a.m.)". */
static void
read_notice(struct scio_page *pg)
{
	int month, day;
	const char *paren;

	if (pg->title && scio_monthday_find(pg->title, &month, &day) && pg->date == NULL &&
	    pg->published) {
		int year = (int)strtol(pg->published, NULL, 10);
		int pm = (int)strtol(pg->published + 5, NULL, 10);
		char d[32];

		if (month < pm - 6)
			year++;	/* a notice comes before its conference */
		snprintf(d, sizeof(d), "%04d-%02d-%02d", year, month, day);
		pg->date = scio_strdup(d);
	}
	if (pg->title && (paren = strchr(pg->title, '(')) != NULL) {
		char clock[6];
		const char *e;

		if (scio_clock_parse(paren + 1, clock, &e))
			scio_field_set(&pg->time, clock, 5);
	}
	for (size_t i = 0; i < pg->nparas; i++) {
		const char *s = pg->paras[i].text;
		size_t v = scio_lex_prefix(scio_lex_venue, s, 1);

		if (v > 0 && (s[v] == ':' || strncmp(s + v, "\xEF\xBC\x9A", 3) == 0))
			scio_field_set(&pg->place, s + v + (s[v] == ':' ? 1 : 3),
			    strlen(s + v + (s[v] == ':' ? 1 : 3)));
		else if (pg->summary == NULL && strchr(s, ':') == NULL &&
		    scio_word_count(s, strlen(s)) > 6)
			scio_field_set(&pg->summary, s, strlen(s));
	}
}

/* The conference date from a summary: "held a press conference on July
 * 22 in Beijing", with the year from the published date. */
static void
date_from_summary(struct scio_page *pg)
{
	const char *on;
	int month, day, year;
	char d[32];

	if (pg->date || pg->summary == NULL || pg->published == NULL)
		return;
	on = scio_strcasestr(pg->summary, "conference on ");
	if (on == NULL)
		on = scio_strcasestr(pg->summary, " on ");
	if (on == NULL || !scio_monthday_find(on, &month, &day))
		return;
	if (scio_date_find(on, d, NULL) == NULL) {
		int pmonth = (int)strtol(pg->published + 5, NULL, 10);
		int pday = (int)strtol(pg->published + 8, NULL, 10);

		year = (int)strtol(pg->published, NULL, 10);
		/* held before it was published: a December conference
		 * published in January belongs to the year before */
		if (month * 100 + day > pmonth * 100 + pday)
			year--;
		snprintf(d, sizeof(d), "%04d-%02d-%02d", year, month, day);
	}
	pg->date = scio_strdup(d);
}

static int
is_truncated(const char *raw, size_t n)
{
	size_t from = n > 4096 ? n - 4096 : 0;

	for (size_t i = from; i + 6 <= n; i++)
		if (raw[i] == '<' && raw[i + 1] == '/' &&
		    (strncasecmp(raw + i + 2, "html", 4) == 0 ||
		    (i + 7 <= n && strncasecmp(raw + i + 2, "body", 4) == 0)))
			return 0;
	return 1;
}

/* --- the body ------------------------------------------------------------- */

/* The body pass: from the first turn to the article's end, every line
 * no earlier pass claimed is a paragraph (a label alone is one too: the
 * conference's passes cut turns at them). */
static void
read_body(struct scio_page_text *pt, struct scio_page *pg, size_t body, size_t end)
{
	for (size_t i = body; i < end; i++) {
		struct scio_line *ln = &pt->lines[i];

		if (ln->claim != SCIO_CLAIM_UNREAD)
			continue;
		if (scio_caption_like(ln->text) || scio_zh_like(ln->text)) {
			scio_line_claim(pt, i, SCIO_CLAIM_HEADER, "a caption in the text");
			continue;
		}
		scio_line_claim(pt, i, ln->alone ? SCIO_CLAIM_LABEL : SCIO_CLAIM_TEXT, NULL);
		add_para(pg, ln, ln->text);
	}
}

static int
body_has_labels(const struct scio_page *pg)
{
	int n = 0;

	for (size_t i = 0; i < pg->nparas; i++) {
		const struct scio_para *p = &pg->paras[i];

		if (p->alone)
			n++;
		else if (p->inl && (p->lead >= p->inl || scio_name_like(p->text, p->inl) ||
		    scio_outlet_like(p->text, p->inl)))
			n++;
	}
	return n >= 2;
}

/* The page count that links to this conference's other pages tell. */
static void
count_pages(const struct scio_page_text *pt, struct scio_page *pg)
{
	for (size_t k = 0; pg->doc && k < pt->nlinks; k++) {
		const char *href = pt->links[k].href;
		char *u, *d;
		int pno;

		/* only links that name a page of this conference */
		if (strstr(href, pg->doc) == NULL)
			continue;
		u = resolve(pg->url, href);
		d = url_doc(u, &pno);
		if (d && strcmp(d, pg->doc) == 0 && pno > pg->npages)
			pg->npages = pno;
		free(d);
		free(u);
	}
	if (pg->npages > 0 && pg->pageno > pg->npages)
		pg->npages = pg->pageno;
}

static int
is_listing(const struct scio_page_text *pt, const struct scio_page *pg)
{
	if (count_bullets(pt) >= 2)
		return 1;
	if (pg->title && scio_lex_is(scio_lex_listing_title, pg->title, strlen(pg->title)))
		return 1;
	for (const char *const *n = scio_lex_listing_node; pg->doc && *n; n++)
		if (strncmp(pg->doc, *n, strlen(*n)) == 0)
			return 1;
	return 0;
}

static void
set_kind(struct scio_page_text *pt, struct scio_page *pg)
{
	if (pg->kind == SCIO_KIND_NOTICE) {
		read_notice(pg);
	} else if ((pg->doc && strncmp(pg->doc, "node_", 5) == 0) ||
	    (pg->place && pg->time)) {
		pg->kind = SCIO_KIND_CONFERENCE;
	} else if (pg->pageno > 1 && pg->npages == 0 && pg->nparas == 0 && pg->captions > 0) {
		/* a photo page: content_NNN_K holding only a caption */
		pg->kind = SCIO_KIND_ARTICLE;
		for (size_t i = 0; i < pt->nlines; i++)
			if (pt->lines[i].claim == SCIO_CLAIM_HEADER &&
			    scio_caption_like(line_at(pt, i)))
				add_para(pg, NULL, line_at(pt, i));
	} else if (pg->has_participants || pg->pageno > 1 || body_has_labels(pg)) {
		pg->kind = SCIO_KIND_TRANSCRIPT;
	} else {
		pg->kind = SCIO_KIND_ARTICLE;
	}
}

int
scio_page_read(struct scio_page_text *pt, const char *url,
    const char *raw, size_t rawlen, struct scio_page *pg)
{
	char *ht;
	size_t start = 0, end, body;

	memset(pg, 0, sizeof(*pg));
	pg->hash = scio_fnv1a64(raw, rawlen);
	pg->url = scio_strdup(url ? url : "");
	pg->doc = url_doc(pg->url, &pg->pageno);
	pg->truncated = is_truncated(raw, rawlen);
	ht = pt->head_title ? scio_head_title_clean(pt->head_title) : NULL;

	scio_label_lines(pt);
	scio_pass_chrome(pt, pg, ht);
	count_pages(pt, pg);
	end = scio_pass_article(pt);
	while (start < end && pt->lines[start].claim != SCIO_CLAIM_UNREAD)
		start++;
	body = scio_pass_header(pt, pg, ht, start, end);
	free(ht);
	for (size_t i = 0; i < pt->nlines; i++)
		if (pt->lines[i].claim == SCIO_CLAIM_HEADER && scio_caption_like(line_at(pt, i)))
			pg->captions++;
	if (pg->title && scio_lex_prefix(scio_lex_notice, pg->title, 1))
		pg->kind = SCIO_KIND_NOTICE;
	else if (is_listing(pt, pg))
		pg->kind = SCIO_KIND_LISTING;
	if (pg->kind == SCIO_KIND_LISTING) {
		read_items(pt, pg, end);
		return 0;
	}
	if (pg->kind == SCIO_KIND_NOTICE) {
		/* a notice's text is all that follows its header: "Venue:
		 * ...", "Add.: ..." are not sentences, and no turn comes */
		for (size_t i = pg->header_end; i < body; i++)
			if (pt->lines[i].claim == SCIO_CLAIM_SKIPPED)
				pt->lines[i].claim = SCIO_CLAIM_UNREAD;
		if (pg->header_end < body)
			body = pg->header_end;
	}
	read_body(pt, pg, body, end);
	date_from_summary(pg);
	set_kind(pt, pg);
	if (pg->title == NULL && !pg->has_participants && pg->kind == SCIO_KIND_ARTICLE) {
		scio_page_free(pg);
		return -1;
	}
	return 0;
}

void
scio_page_free(struct scio_page *pg)
{
	char **strs[] = {
		&pg->url, &pg->doc, &pg->title, &pg->category, &pg->summary,
		&pg->source, &pg->published, &pg->date, &pg->time, &pg->place,
		&pg->zh_url, &pg->file,
	};

	for (size_t i = 0; i < LEN(strs); i++)
		/* cppcheck-suppress shadowVariable ; it misreads strs[] as two */
		free(*strs[i]);
	for (size_t i = 0; i < pg->nspeakers; i++)
		scio_person_free(&pg->speakers[i]);
	for (size_t i = 0; i < pg->nchair; i++)
		scio_person_free(&pg->chair[i]);
	free(pg->speakers);
	free(pg->chair);
	for (size_t i = 0; i < pg->nparas; i++)
		free(pg->paras[i].text);
	free(pg->paras);
	for (size_t i = 0; i < pg->nitems; i++) {
		free(pg->items[i].url);
		free(pg->items[i].title);
		free(pg->items[i].date);
	}
	free(pg->items);
	memset(pg, 0, sizeof(*pg));
}
