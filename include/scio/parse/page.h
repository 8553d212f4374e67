/* page.h: one SCIO page read into its header fields and body text. */
#ifndef SCIO_PAGE_H
#define SCIO_PAGE_H

#include <stddef.h>

#include "scio/parse/html.h"
#include "scio/parse/label.h"

enum scio_kind {
	SCIO_KIND_TRANSCRIPT,
	SCIO_KIND_CONFERENCE,
	SCIO_KIND_NOTICE,
	SCIO_KIND_LISTING,
	SCIO_KIND_ARTICLE,
};

/* The name of a kind as records spell it ("transcript", ...). */
const char *scio_kind_name(enum scio_kind k);

/* A paragraph of the body, with the length of a bold or name-span
 * lead-in at its start (a label's markup, "<b>Lin Qiaomu:</b> We ..."),
 * or 0. */
struct scio_para {
	char *text;
	size_t lead;
	size_t alone;		/* a label alone: its name's length, or 0 */
	size_t inl;		/* "Name: text": the name's length, or 0 */
	size_t rest;		/* where the text after it starts */
};

/* A listed item of a listing page. */
struct scio_item {
	char *url;		/* absolute */
	char *title;
	char *date;		/* YYYY-MM-DD or NULL */
};

/* Everything one page says. Strings are owned by the page; NULL means the
 * page does not say. */
struct scio_page {
	char *url;
	char *doc;		/* "90000101", "node_9000301", or NULL */
	int pageno;		/* 1 for the first page */
	int npages;		/* from the pagination bar; 0 when it has none */
	enum scio_kind kind;
	char *title, *category, *summary, *source, *published;
	char *date, *time, *place, *zh_url;
	struct scio_person *speakers;
	size_t nspeakers;
	struct scio_person *chair;
	size_t nchair;
	int has_participants;
	/* The body: the paragraphs after the header, in order. */
	struct scio_para *paras;
	size_t nparas, parascap;
	struct scio_item *items;	/* a listing's */
	size_t nitems, itemscap;
	int truncated;		/* the document ends before </html> */
	int revised;		/* its page record says "revised": true */
	unsigned long long hash;	/* of the page's HTML */
	int captions;		/* photo captions in its header */
	size_t header_end;	/* the line after the header's last field */
	/* where the page came from, for messages */
	char *file;
	size_t lineno;
};

/* Reads a page: the text pt of the HTML at url (raw is the HTML itself,
 * for the truncation check), through the passes of passes.h, which claim
 * pt's lines. Fills pg; returns 0, or -1 when the page has no structure
 * scio-parse recognises (pg is then freed). */
int scio_page_read(struct scio_page_text *pt, const char *url,
    const char *raw, size_t rawlen, struct scio_page *pg);

void scio_page_free(struct scio_page *pg);

#endif
