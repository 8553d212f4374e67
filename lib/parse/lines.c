/* lines.c: the page model every pass reads and claims: its lines and
 * their containers (html.h). */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/parse/html.h"

void
scio_page_text_free(struct scio_page_text *pt)
{
	for (size_t i = 0; i < pt->nlines; i++) {
		free(pt->lines[i].text);
		free(pt->lines[i].href);
	}
	for (size_t i = 0; i < pt->nlinks; i++) {
		free(pt->links[i].href);
		free(pt->links[i].text);
	}
	free(pt->lines);
	free(pt->links);
	free(pt->blocks);
	free(pt->head_title);
	memset(pt, 0, sizeof(*pt));
}

double
scio_line_block_links(const struct scio_page_text *pt, size_t i)
{
	const struct scio_block *b = &pt->blocks[pt->lines[i].block];

	return b->text_bytes ? (double)b->link_bytes / (double)b->text_bytes : 0.0;
}

void
scio_line_claim(struct scio_page_text *pt, size_t i, enum scio_claim c,
    const char *why)
{
	pt->lines[i].claim = c;
	pt->lines[i].why = why;
}

const char *
scio_claim_name(enum scio_claim c)
{
	static const char *const names[] = {
		"unread", "chrome", "pager", "header", "skipped", "participant",
		"label", "text", "item",
	};

	return (size_t)c < LEN(names) ? names[c] : "unread";
}
