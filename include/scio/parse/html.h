/* html.h: an HTML page as the lines of text a reader sees.
 *
 * libxml2's HTML parser reads the page (in recovery mode, without a tree:
 * a SAX walk) and the text is cut into lines wherever a browser would
 * start a new block: paragraphs, divs, table cells, list items, headings,
 * <br>. Markup survives only as hints on each line (bold, heading, link),
 * so what the rest of scio-parse sees does not depend on one site layout. */
#ifndef SCIO_HTML_H
#define SCIO_HTML_H

#include <stddef.h>

enum scio_line_flag {
	SCIO_LINE_BOLD = 1 << 0,	/* all its letters are in <b>/<strong> */
	SCIO_LINE_HEADING = 1 << 1,	/* inside <h1>..<h6> */
	SCIO_LINE_TITLEISH = 1 << 2,	/* inside an element whose class or id says "title" */
	SCIO_LINE_LINKED = 1 << 3,	/* its text is all the text of one link */
	SCIO_LINE_ITEM = 1 << 4,	/* inside a list item <li> */
	SCIO_LINE_CELL = 1 << 5,	/* inside a table cell <td>/<th> */
};

/* Which pass of scio-parse claimed a line, for --explain. Each pass
 * claims the lines it understands; what no pass claims stays UNREAD. */
enum scio_claim {
	SCIO_CLAIM_UNREAD,
	SCIO_CLAIM_CHROME,	/* site furniture: menus, tools, links, footer */
	SCIO_CLAIM_PAGER,	/* the pagination bar */
	SCIO_CLAIM_HEADER,	/* a header field: title, source, date, ... */
	SCIO_CLAIM_SKIPPED,	/* a header line no field takes */
	SCIO_CLAIM_PARTICIPANT,	/* the participants block */
	SCIO_CLAIM_LABEL,	/* a speaker label standing alone */
	SCIO_CLAIM_TEXT,	/* a paragraph of the transcript */
	SCIO_CLAIM_ITEM,	/* a listing's item */
};

/* The name of a claim as --explain prints it ("chrome", "text", ...). */
const char *scio_claim_name(enum scio_claim c);

/* A container element (div, ul, table, td, ...) with the text inside it,
 * for telling lists of links from prose. */
struct scio_block {
	size_t text_bytes;	/* non-space bytes of text inside it */
	size_t link_bytes;	/* of those, how many are inside links */
	size_t parent;		/* enclosing block, or itself for the root */
	int closed;
};

/* One line of visible text: whitespace collapsed, trimmed, valid UTF-8. */
struct scio_line {
	char *text;
	size_t len;
	unsigned flags;
	char *href;		/* the first link in it, or NULL */
	size_t text_bytes;	/* its non-space bytes ... */
	size_t link_bytes;	/* ... and how many of them are in links */
	size_t block;		/* the container it stands in (index) */
	size_t lead;		/* length of a bold or name-span lead-in at its
				 * start with text after it ("<b>Lin:</b> We ..."),
				 * or 0 */
	size_t alone;		/* a label alone: its name's length, or 0 */
	size_t inl;		/* a label leading text: its name's length, or 0 */
	size_t rest;		/* where the text after that label starts */
	enum scio_claim claim;	/* set by the passes of page.c */
	const char *why;	/* a static phrase saying why, or NULL */
};

/* A link: its target and its text, and the line it stands on. */
struct scio_link {
	char *href;
	char *text;
	size_t line;
};

struct scio_page_text {
	struct scio_line *lines;
	size_t nlines, linescap;
	struct scio_link *links;
	size_t nlinks, linkscap;
	struct scio_block *blocks;
	size_t nblocks, blockscap;
	char *head_title;	/* the <title> element's text, or NULL */
};

/* The share of a line's container's text that is inside links (0..1). */
double scio_line_block_links(const struct scio_page_text *pt, size_t i);

/* Marks line i as claimed by pass c for the reason why (static). */
void scio_line_claim(struct scio_page_text *pt, size_t i, enum scio_claim c,
    const char *why);

/* Reads an HTML document into pt (zero it first). encoding names the
 * bytes' charset when known ("UTF-8" for page records, whose html is
 * already converted), or NULL to let the page's BOM or meta tag decide.
 * Returns 0, or -1 when libxml2 could not start on the input at all. */
int scio_html_read(const char *buf, size_t len, const char *encoding,
    struct scio_page_text *pt);

void scio_page_text_free(struct scio_page_text *pt);

#endif
