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
};

/* One line of visible text: whitespace collapsed, trimmed, valid UTF-8. */
struct scio_line {
	char *text;
	size_t len;
	unsigned flags;
	char *href;		/* the first link in it, or NULL */
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
	char *head_title;	/* the <title> element's text, or NULL */
};

/* Reads an HTML document into pt (zero it first). encoding names the
 * bytes' charset when known ("UTF-8" for page records, whose html is
 * already converted), or NULL to let the page's BOM or meta tag decide.
 * Returns 0, or -1 when libxml2 could not start on the input at all. */
int scio_html_read(const char *buf, size_t len, const char *encoding,
    struct scio_page_text *pt);

void scio_page_text_free(struct scio_page_text *pt);

#endif
