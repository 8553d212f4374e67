/* paginate.c: a page's continuation links, found with libxml2's HTML
 * parser; no libxml2 object leaves this file. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "scio/base/alloc.h"
#include "scio/fetch/paginate.h"
#include "scio/base/url.h"

static int
digits(const char *s, size_t n)
{
	if (n == 0 || n > 18)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
scio_pageid_parse(const char *url, struct scio_pageid *id)
{
	const char *seg, *dot, *us, *rest;
	size_t prefix;

	memset(id, 0, sizeof(*id));
	if (strpbrk(url, "?#") != NULL || (seg = strrchr(url, '/')) == NULL)
		return -1;
	seg++;
	if (strncmp(seg, "content_", 8) == 0) {
		id->kind = SCIO_PAGE_CONTENT;
		prefix = 8;
	} else if (strncmp(seg, "node_", 5) == 0) {
		id->kind = SCIO_PAGE_NODE;
		prefix = 5;
	} else {
		return -1;
	}
	rest = seg + prefix;
	dot = strrchr(rest, '.');
	if (dot == NULL || (strcmp(dot, ".htm") != 0 && strcmp(dot, ".html") != 0))
		goto no;
	us = memchr(rest, '_', (size_t)(dot - rest));
	if (us == NULL) {
		if (!digits(rest, (size_t)(dot - rest)))
			goto no;
		id->page = 1;
		us = dot;
	} else {
		if (!digits(rest, (size_t)(us - rest)) ||
		    !digits(us + 1, (size_t)(dot - us - 1)))
			goto no;
		id->page = strtol(us + 1, NULL, 10);
		if (id->page < 2)
			goto no;
	}
	id->dir = scio_strndup(url, (size_t)(seg - url));
	id->id = scio_strndup(rest, (size_t)(us - rest));
	id->ext = scio_strdup(dot + 1);
	return 0;
no:
	id->kind = SCIO_PAGE_OTHER;
	return -1;
}

void
scio_pageid_free(struct scio_pageid *id)
{
	free(id->dir);
	free(id->id);
	free(id->ext);
	memset(id, 0, sizeof(*id));
}

char *
scio_pageid_url(const struct scio_pageid *id, long page)
{
	struct scio_buf b = {0};

	scio_buf_printf(&b, "%s%s_%s", id->dir,
	    id->kind == SCIO_PAGE_NODE ? "node" : "content", id->id);
	if (page > 1)
		scio_buf_printf(&b, "_%ld", page);
	scio_buf_printf(&b, ".%s", id->ext);
	return scio_buf_take(&b);
}

struct found {
	const struct scio_pageid *self;
	const char *base;
	struct scio_pagelink *v;
	size_t n, cap;
};

static void
consider(struct found *f, const char *href)
{
	struct scio_pageid id;
	char *abs = scio_url_resolve(f->base, href);

	if (abs == NULL)
		return;
	if (scio_pageid_parse(abs, &id) == 0 && id.kind == f->self->kind &&
	    id.page > 1 && strcmp(id.id, f->self->id) == 0 &&
	    strcmp(id.dir, f->self->dir) == 0) {
		for (size_t i = 0; i < f->n; i++)
			if (f->v[i].page == id.page)
				goto out;
		SCIO_ALLOC_GROW(f->v, f->n + 1, f->cap);
		f->v[f->n].page = id.page;
		f->v[f->n].url = abs;
		f->n++;
		abs = NULL;
	}
out:
	scio_pageid_free(&id);
	free(abs);
}

static void
walk(struct found *f, xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcasecmp(n->name, BAD_CAST "a") == 0) {
			xmlChar *href = xmlGetProp(n, BAD_CAST "href");

			if (href != NULL) {
				consider(f, (const char *)href);
				xmlFree(href);
			}
		}
		walk(f, n->children);
	}
}

static int
by_page(const void *a, const void *b)
{
	const struct scio_pagelink *x = a, *y = b;

	return (x->page > y->page) - (x->page < y->page);
}

size_t
scio_paginate_find(const char *html, size_t len, const char *url,
    struct scio_pagelink **out)
{
	struct scio_pageid self;
	struct found f = {0};
	htmlDocPtr doc;

	*out = NULL;
	if (scio_pageid_parse(url, &self) < 0 || len > INT_MAX)
		return 0;
	doc = htmlReadMemory(html, (int)len, url, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET);
	if (doc != NULL) {
		f.self = &self;
		f.base = url;
		walk(&f, xmlDocGetRootElement(doc));
		xmlFreeDoc(doc);
	}
	scio_pageid_free(&self);
	if (f.n > 1)
		qsort(f.v, f.n, sizeof(*f.v), by_page);
	*out = f.v;
	return f.n;
}
