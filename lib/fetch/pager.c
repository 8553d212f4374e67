/* pager.c: a page's continuation links and a listing's item dates, found
 * with libxml2's HTML parser; no libxml2 object leaves this file. */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "scio/base/alloc.h"
#include "scio/base/text.h"
#include "scio/base/url.h"
#include "scio/fetch/pager.h"
#include "scio/record/pageid.h"

struct found {
	const struct scio_pageid *self;
	const char *base;
	int plain_base;		/* base is written as curl writes it */
	struct scio_pager *out;
	size_t cap;
};

static int
same_doc(const struct scio_pageid *a, const struct scio_pageid *b)
{
	return a->kind == b->kind && strcmp(a->id, b->id) == 0 &&
	    strcmp(a->prefix, b->prefix) == 0;
}

static void
add_link(struct found *f, long page, char *abs)
{
	struct scio_pager *o = f->out;

	if (o->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		o->links = scio_reallocarray(o->links, f->cap, sizeof(*o->links));
	}
	o->links[o->n].page = page;
	o->links[o->n].url = abs;
	o->n++;
}

static int
is_named(const xmlNode *n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (xmlStrcasecmp(n->name, (const xmlChar *)*names) == 0)
			return 1;
	return 0;
}

static const char *const item_blocks[] = {
	"li", "p", "dd", "dt", "td", "tr", "h1", "h2", "h3", "h4", "h5", "h6", NULL
};
static const char *const item_ends[] = {
	"a", "br", "li", "p", "div", "ul", "ol", "table", "tr", NULL
};

static void
add_text(struct scio_buf *b, xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);

	if (t != NULL) {
		scio_buf_adds(b, (const char *)t);
		scio_buf_addc(b, ' ');
		xmlFree(t);
	}
}

/* The text an item's date is looked for in. */
static void
item_text(xmlNode *a, struct scio_buf *b)
{
	for (xmlNode *p = a->parent; p != NULL && p->type == XML_ELEMENT_NODE;
	    p = p->parent)
		if (is_named(p, item_blocks)) {
			add_text(b, p);
			return;
		}
	add_text(b, a);
	for (xmlNode *s = a->next; s != NULL; s = s->next) {
		if (s->type == XML_ELEMENT_NODE && is_named(s, item_ends))
			break;
		add_text(b, s);
	}
}

static void
consider_item(struct found *f, xmlNode *a, const struct scio_pageid *id)
{
	struct scio_buf text = {0};
	char date[11];

	/* only a listing (a node page) has items */
	if (f->self->kind != SCIO_PAGE_NODE || id->page != 1 || same_doc(id, f->self))
		return;
	f->out->items++;
	item_text(a, &text);
	if (scio_date_find(scio_buf_str(&text), date, NULL) != NULL) {
		f->out->dated++;
		if (strcmp(date, f->out->newest) > 0)
			memcpy(f->out->newest, date, sizeof(date));
	}
	scio_buf_free(&text);
}

/* Whether href, on a page that is no listing (whose links other than
 * its pager do not count), cannot name a page continuing it.  A
 * reference with a path names the last segment of that path, or none
 * (after "." or ".."), so one that does not spell the document's id
 * names another document; an empty reference, or a query or fragment
 * alone, names the page itself and is left to the resolver.  Most of a
 * page's links are ruled out here without being resolved. */
static int
cannot_continue(const struct found *f, const char *href)
{
	unsigned char c = (unsigned char)href[0];

	if (f->self->kind == SCIO_PAGE_NODE)
		return 0;
	if (!isalnum(c) && c != '/' && c != '.' && c != '_' && c != '-' &&
	    c != '~')
		return 0;
	return strstr(href, f->self->id) == NULL;
}

/* href made absolute.  A plain file name (letters, digits, '_', '-' and
 * '.', no "." or ".." segment) on a page whose URL is already as curl
 * writes it is joined to the page's directory directly: the same string
 * curl's resolution gives, without parsing the base again per link. */
static char *
absolute(const struct found *f, const char *href)
{
	size_t n = strspn(href, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");
	struct scio_buf b = {0};

	if (!f->plain_base || n == 0 || href[n] != '\0' || href[0] == '.')
		return scio_url_resolve(f->base, href);
	scio_buf_adds(&b, f->self->dir);
	scio_buf_adds(&b, href);
	return scio_buf_take(&b);
}

static void
consider(struct found *f, xmlNode *a, const char *href)
{
	struct scio_pageid id;
	char *abs;

	if (cannot_continue(f, href))
		return;
	if ((abs = absolute(f, href)) == NULL)
		return;

	if (scio_pageid_parse(abs, &id) == 0) {
		if (scio_pageid_pager(&id) && same_doc(&id, f->self) &&
		    id.page > 1 && strcmp(id.dir, f->self->dir) == 0) {
			add_link(f, id.page, abs);
			abs = NULL;
		} else {
			consider_item(f, a, &id);
		}
	}
	scio_pageid_free(&id);
	free(abs);
}

static void
walk(struct found *f, xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcasecmp(n->name, (const xmlChar *)"a") == 0) {
			xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");

			if (href != NULL) {
				consider(f, n, (const char *)href);
				xmlFree(href);
			}
		}
		walk(f, n->children);
	}
}

/* An <a> start tag as libxml2's parser reads it (a SAX callback): its
 * href, as the tree would hold it.  ctx is the parser context. */
static void
on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct found *f = ((htmlParserCtxtPtr)ctx)->_private;

	if (atts == NULL || xmlStrcasecmp(name, (const xmlChar *)"a") != 0)
		return;
	for (; atts[0] != NULL; atts += 2)
		if (xmlStrEqual(atts[0], (const xmlChar *)"href")) {
			consider(f, NULL, atts[1] != NULL ?
			    (const char *)atts[1] : "");
			return;
		}
}

/* The links of a page that is no listing: only their hrefs count (not
 * the text around them), so the parser reports its start tags and
 * builds no tree, which is most of its work.  Returns -1 when no parser
 * could be made. */
static int
read_links(struct found *f, const char *html, int len, const char *url,
    int options)
{
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();

	if (ctxt == NULL)
		return -1;
	memset(ctxt->sax, 0, sizeof(*ctxt->sax));
	ctxt->sax->initialized = 1;
	ctxt->sax->startElement = on_start;
	ctxt->_private = f;
	ctxt->userData = ctxt;
	xmlFreeDoc(htmlCtxtReadMemory(ctxt, html, len, url, "UTF-8", options));
	htmlFreeParserCtxt(ctxt);
	return 0;
}

static int
by_page(const void *a, const void *b)
{
	const struct scio_pagelink *x = a, *y = b;

	if (x->page != y->page)
		return (x->page > y->page) - (x->page < y->page);
	return strcmp(x->url, y->url);
}

void
scio_pager_read(const char *html, size_t len, const char *url,
    struct scio_pager *out)
{
	struct scio_pageid self;
	struct found f = {0};
	const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
	htmlDocPtr doc;
	char *canon;

	memset(out, 0, sizeof(*out));
	if (scio_pageid_parse(url, &self) < 0 || !scio_pageid_pager(&self) ||
	    len > INT_MAX) {
		scio_pageid_free(&self);
		return;
	}
	canon = scio_url_resolve(NULL, url);
	f.self = &self;
	f.base = url;
	f.plain_base = canon != NULL && strcmp(canon, url) == 0;
	free(canon);
	f.out = out;
	if (self.kind == SCIO_PAGE_NODE ||
	    read_links(&f, html, (int)len, url, options) < 0) {
		doc = htmlReadMemory(html, (int)len, url, "UTF-8", options);
		if (doc != NULL) {
			walk(&f, xmlDocGetRootElement(doc));
			xmlFreeDoc(doc);
		}
	}
	scio_pageid_free(&self);
	/* sorted, then each page once */
	if (out->n > 1) {
		size_t k = 1;

		qsort(out->links, out->n, sizeof(*out->links), by_page);
		for (size_t i = 1; i < out->n; i++) {
			if (out->links[i].page == out->links[k - 1].page)
				free(out->links[i].url);
			else
				out->links[k++] = out->links[i];
		}
		out->n = k;
	}
}

void
scio_pager_free(struct scio_pager *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->links[i].url);
	free(p->links);
	memset(p, 0, sizeof(*p));
}
