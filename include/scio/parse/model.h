/* model.h: the model scio-parse's passes fill in: a page read into its
 * header fields and body, and a conference, the pages of one id. Types
 * only, so that the passes (passes.h), the turns (turns.h) and the
 * functions over pages and conferences (page.h, conf.h) all build on it
 * and none of them on another's header. */
#ifndef SCIO_MODEL_H
#define SCIO_MODEL_H

#include <stddef.h>

#include "scio/parse/label.h"

enum scio_kind {
	SCIO_KIND_TRANSCRIPT,
	SCIO_KIND_CONFERENCE,
	SCIO_KIND_NOTICE,
	SCIO_KIND_LISTING,
	SCIO_KIND_ARTICLE,
};

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
	size_t nspeakers, speakerscap;
	struct scio_person *chair;
	size_t nchair, chaircap;
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

/* One conference: the pages of one id seen so far, by page number. */
struct scio_conf {
	char *doc;
	char *key;			/* host and id: pages of one conference */
	struct scio_page **pages;	/* pages[k] is page k+1, or NULL */
	size_t npages;			/* length of pages */
	size_t pagescap;
	int expected;			/* page count the pages announce */
	size_t arrival;			/* order of its first page in the input */
	int warned;			/* its pages' warnings are out: a second
					 * record of it says them no more */
	int revised;			/* a page of it is a revision, or it
					 * was given out before with other
					 * pages */
	int repeat;			/* given out before in this input */
};

#endif
