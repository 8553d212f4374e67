/* html.c: an HTML page into the lines of text a reader sees (SAX walk). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "scio/base/alloc.h"
#include "scio/parse/html.h"
#include "scio/base/text.h"

/* What the walk carries between SAX callbacks. */
struct walk {
	struct scio_page_text *pt;
	struct scio_buf raw;	/* the line being gathered */
	struct scio_buf clean, text;	/* scratch for cleaning it */
	size_t bold_bytes;	/* of its non-space bytes, how many are bold */
	size_t text_bytes;	/* its non-space bytes */
	int bold;		/* depth of <b>/<strong> */
	int heading;		/* depth of <h1>..<h6> */
	int skip;		/* depth of elements whose text is not shown */
	int in_title;		/* inside <head><title> */
	int titleish;		/* depth of elements classed "title" */
	int titleish_line;	/* the current line began inside one */
	int heading_line;
	struct scio_buf title;
	/* the link being read, if any */
	int in_link;
	char *href;
	struct scio_buf linktext;
	char *line_href;	/* first link of the current line */
	size_t line_links;	/* links in the current line */
	size_t line_link_bytes;	/* non-space bytes of the current line in links */
	int item, cell;		/* depth of <li>, of <td>/<th> */
	int item_line, cell_line;
	/* a bold or name-span element that opened before any text of the
	 * line: where in raw it closed, or 0 */
	size_t lead_depth;	/* its depth on the stack + 1, or 0 */
	size_t lead_raw;
	size_t cur_block;	/* the container text now falls into */
	/* what each element name means, by the name's address: libxml2
	 * gives one address per name for the whole parse (its dictionary) */
	struct name_info {
		const xmlChar *name;
		char copy[12];	/* the name itself, checked too */
		unsigned char cls, kind;
	} names[64];
	/* element stack, to know which ends close what */
	struct elem *stack;
	size_t depth, stackcap;
};

/* What the stack remembers of an open element. */
struct elem {
	unsigned char bits;
	size_t saved_block;	/* the container before it opened */
};

enum elem_bits {
	E_TITLEISH = 1,
	E_CONTAINER = 2,
	E_LEAD = 4,
};

/* What an element means to the walk. libxml2's HTML parser gives tag
 * names in lower case. */
enum elem_class {
	C_INLINE,	/* span, font, em, ...: text flows on */
	C_BLOCK,	/* starts a new line */
	C_VOID_BREAK,	/* br, hr, img: a break with no end tag */
	C_HIDDEN,	/* script, style, head, ...: text not shown */
	C_LINK,		/* a */
	C_BOLD,		/* b, strong */
	C_HEADING,	/* h1..h6 */
	C_TITLE,	/* title */
};

static int
is_one_of(const char *name, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(name, *set) == 0)
			return 1;
	return 0;
}

static enum elem_class
classify(const xmlChar *xname)
{
	const char *n = (const char *)xname;
	static const char *const blocks[] = {
		"p", "div", "li", "td", "th", "tr", "table", "tbody", "thead",
		"section", "article", "header", "footer", "nav", "ul", "ol", "dl",
		"dd", "dt", "blockquote", "center", "form", "figure",
		"figcaption", "aside", "main", "address", "option", "body", "pre",
		"caption", "html", "tfoot", NULL,
	};
	static const char *const hidden[] = {
		"script", "style", "noscript", "iframe", "select", "textarea",
		"template", "svg", "object", "head", "button", NULL,
	};

	switch (n[0]) {
	case 'a':
		if (n[1] == '\0')
			return C_LINK;
		break;
	case 'p':
		if (n[1] == '\0')
			return C_BLOCK;
		break;
	case 'd':
		if (strcmp(n, "div") == 0)
			return C_BLOCK;
		break;
	case 'l':
		if (strcmp(n, "li") == 0)
			return C_BLOCK;
		break;
	case 'b':
		if (n[1] == '\0')
			return C_BOLD;
		if (strcmp(n, "br") == 0)
			return C_VOID_BREAK;
		break;
	case 's':
		if (strcmp(n, "span") == 0)
			return C_INLINE;
		if (strcmp(n, "strong") == 0)
			return C_BOLD;
		break;
	case 'h':
		if (n[1] >= '1' && n[1] <= '6' && n[2] == '\0')
			return C_HEADING;
		if (strcmp(n, "hr") == 0)
			return C_VOID_BREAK;
		break;
	case 'i':
		if (strcmp(n, "img") == 0)
			return C_VOID_BREAK;
		break;
	case 't':
		if ((n[1] == 'd' || n[1] == 'r' || n[1] == 'h') && n[2] == '\0')
			return C_BLOCK;
		if (strcmp(n, "title") == 0)
			return C_TITLE;
		break;
	case 'f':
		if (strcmp(n, "font") == 0)
			return C_INLINE;
		break;
	}
	if (is_one_of(n, blocks))
		return C_BLOCK;
	if (is_one_of(n, hidden))
		return C_HIDDEN;
	return C_INLINE;
}

/* Elements that hold blocks of lines rather than being one: their link
 * density tells a list of links from an article. */
static int
is_container(const char *n)
{
	static const char *const set[] = {
		"div", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr",
		"td", "th", "section", "article", "aside", "nav", "header",
		"footer", "main", "form", "body", "center", "blockquote",
		"figure", "menu", NULL,
	};

	return is_one_of(n, set);
}

static size_t
new_block(struct scio_page_text *pt, size_t parent)
{
	struct scio_block *b;

	SCIO_ALLOC_GROW(pt->blocks, pt->nblocks + 1, pt->blockscap);
	b = &pt->blocks[pt->nblocks];
	memset(b, 0, sizeof(*b));
	b->parent = pt->nblocks ? parent : 0;
	return pt->nblocks++;
}

/* A container's text counts in the one around it too. */
static void
close_block(struct scio_page_text *pt, size_t i)
{
	struct scio_block *b = &pt->blocks[i];

	if (b->closed)
		return;
	b->closed = 1;
	if (b->parent != i) {
		pt->blocks[b->parent].text_bytes += b->text_bytes;
		pt->blocks[b->parent].link_bytes += b->link_bytes;
	}
}

/* Kinds of element beyond their class. */
enum elem_kind {
	K_CONTAINER = 1,	/* holds blocks: a div, a list, a table, a cell */
	K_ITEM = 2,		/* li */
	K_CELL = 4,		/* td, th */
};

/* The class and kind of element name, looked up once per name. */
static const struct name_info *
name_info(struct walk *w, const xmlChar *name)
{
	size_t h = ((size_t)name >> 4) % LEN(w->names);
	struct name_info *ni = &w->names[h];
	const char *n = (const char *)name;

	if (ni->name == name && strcmp(ni->copy, n) == 0)
		return ni;
	ni->name = strlen(n) < sizeof(ni->copy) ? name : NULL;
	if (ni->name)
		memcpy(ni->copy, n, strlen(n) + 1);
	ni->cls = (unsigned char)classify(name);
	ni->kind = 0;
	if (ni->cls == C_BLOCK && is_container(n))
		ni->kind |= K_CONTAINER;
	if (strcmp(n, "li") == 0)
		ni->kind |= K_ITEM;
	if (strcmp(n, "td") == 0 || strcmp(n, "th") == 0)
		ni->kind |= K_CELL;
	return ni;
}

static void
flush_line(struct walk *w)
{
	struct scio_page_text *pt = w->pt;
	struct scio_line *ln;

	if (w->raw.len == 0)
		goto reset;
	scio_buf_reset(&w->clean);
	scio_buf_reset(&w->text);
	if (scio_utf8_valid(w->raw.s, w->raw.len)) {
		scio_ws_collapse(w->raw.s, w->raw.len, &w->text);
	} else {
		scio_utf8_sanitize(w->raw.s, w->raw.len, &w->clean);
		scio_ws_collapse(w->clean.s, w->clean.len, &w->text);
	}
	if (w->text.len == 0)
		goto reset;
	SCIO_ALLOC_GROW(pt->lines, pt->nlines + 1, pt->linescap);
	ln = &pt->lines[pt->nlines++];
	ln->len = w->text.len;
	ln->text = scio_strndup(w->text.s, w->text.len);
	ln->flags = 0;
	if (w->text_bytes > 0 && w->bold_bytes * 10 >= w->text_bytes * 9)
		ln->flags |= SCIO_LINE_BOLD;
	if (w->heading_line)
		ln->flags |= SCIO_LINE_HEADING;
	if (w->titleish_line)
		ln->flags |= SCIO_LINE_TITLEISH;
	if (w->line_links == 1 && w->line_link_bytes == w->text_bytes)
		ln->flags |= SCIO_LINE_LINKED;
	if (w->item_line)
		ln->flags |= SCIO_LINE_ITEM;
	if (w->cell_line)
		ln->flags |= SCIO_LINE_CELL;
	ln->href = w->line_href;
	w->line_href = NULL;
	ln->text_bytes = w->text_bytes;
	ln->link_bytes = w->line_link_bytes;
	ln->block = w->cur_block;
	ln->lead = 0;
	ln->claim = SCIO_CLAIM_UNREAD;
	ln->why = NULL;
	if (w->lead_raw > 0 && w->lead_raw < w->raw.len) {
		/* the lead-in as the collapsed line has it */
		struct scio_buf lead = {0};

		scio_ws_collapse(w->raw.s, w->lead_raw, &lead);
		if (lead.len > 0 && lead.len < ln->len &&
		    memcmp(lead.s, ln->text, lead.len) == 0)
			ln->lead = lead.len;
		scio_buf_free(&lead);
	}
reset:
	free(w->line_href);
	w->line_href = NULL;
	scio_buf_reset(&w->raw);
	w->bold_bytes = w->text_bytes = 0;
	w->line_links = w->line_link_bytes = 0;
	w->titleish_line = w->titleish > 0;
	w->heading_line = w->heading > 0;
	w->item_line = w->item > 0;
	w->cell_line = w->cell > 0;
	w->lead_raw = 0;
	w->lead_depth = 0;
}

static void
add_link(struct walk *w)
{
	struct scio_page_text *pt = w->pt;
	struct scio_buf text = {0};
	struct scio_link *lk;

	if (w->href == NULL)
		return;
	scio_buf_grow(&w->linktext, 0);
	scio_ws_collapse(w->linktext.s, w->linktext.len, &text);
	SCIO_ALLOC_GROW(pt->links, pt->nlinks + 1, pt->linkscap);
	lk = &pt->links[pt->nlinks++];
	lk->href = w->href;
	lk->text = scio_buf_take(&text);
	lk->line = pt->nlines;	/* the line it ends on is flushed next */
	w->href = NULL;
}

static int
has_title_class(const xmlChar **attrs)
{
	for (; attrs && attrs[0]; attrs += 2) {
		const char *a = (const char *)attrs[0], *v = (const char *)attrs[1];

		if (v == NULL)
			continue;
		if ((strcasecmp(a, "class") == 0 || strcasecmp(a, "id") == 0) &&
		    scio_strcasestr(v, "title") != NULL)
			return 1;
	}
	return 0;
}

/* A span whose class names the speaker ("name", "speaker"): a label's
 * markup on some pages, like bold on others. */
static int
has_name_class(const xmlChar **attrs)
{
	for (; attrs && attrs[0]; attrs += 2) {
		const char *a = (const char *)attrs[0], *v = (const char *)attrs[1];

		if (v && strcasecmp(a, "class") == 0 &&
		    (scio_strcasestr(v, "name") || scio_strcasestr(v, "speaker")))
			return 1;
	}
	return 0;
}

static const char *
attr(const xmlChar **attrs, const char *name)
{
	for (; attrs && attrs[0]; attrs += 2)
		if (strcasecmp((const char *)attrs[0], name) == 0)
			return (const char *)attrs[1];
	return NULL;
}

static void
push(struct walk *w, unsigned char bits)
{
	SCIO_ALLOC_GROW(w->stack, w->depth + 1, w->stackcap);
	w->stack[w->depth].bits = bits;
	w->stack[w->depth].saved_block = w->cur_block;
	w->depth++;
}

static void
on_start(void *ctx, const xmlChar *name, const xmlChar **attrs)
{
	struct walk *w = ctx;
	const struct name_info *ni = name_info(w, name);
	enum elem_class cls = (enum elem_class)ni->cls;
	unsigned char bits = 0;

	if (cls == C_TITLE && w->skip > 0) {
		w->in_title = 1;
		return;
	}
	if (cls == C_HIDDEN) {
		w->skip++;
		return;
	}
	if (w->skip > 0)
		return;
	if (cls == C_VOID_BREAK) {
		flush_line(w);
		return;
	}
	if (cls == C_BLOCK || cls == C_HEADING || cls == C_TITLE)
		flush_line(w);
	if (ni->kind & K_CONTAINER) {
		bits |= E_CONTAINER;
		w->cur_block = new_block(w->pt, w->cur_block);
	}
	if (ni->kind & K_ITEM) {
		w->item++;
		w->item_line = 1;
	}
	if (ni->kind & K_CELL) {
		w->cell++;
		w->cell_line = 1;
	}
	if ((cls == C_BOLD || (cls == C_INLINE && attrs && has_name_class(attrs))) &&
	    w->text_bytes == 0 && w->lead_depth == 0 && w->lead_raw == 0) {
		bits |= E_LEAD;
		w->lead_depth = w->depth + 1;
	}
	if (attrs && has_title_class(attrs)) {
		bits |= E_TITLEISH;
		w->titleish++;
		if (w->raw.len == 0)
			w->titleish_line = 1;
	}
	if (cls == C_HEADING) {
		w->heading++;
		w->heading_line = 1;
	}
	if (cls == C_BOLD)
		w->bold++;
	if (cls == C_LINK) {
		const char *href = attr(attrs, "href");

		if (w->in_link)
			add_link(w);
		free(w->href);
		w->href = href ? scio_strdup(href) : NULL;
		w->in_link = 1;
		scio_buf_reset(&w->linktext);
	}
	push(w, bits);
}

static void
on_end(void *ctx, const xmlChar *name)
{
	struct walk *w = ctx;
	const struct name_info *ni = name_info(w, name);
	enum elem_class cls = (enum elem_class)ni->cls;

	if (cls == C_TITLE && w->in_title) {
		w->in_title = 0;
		return;
	}
	if (cls == C_HIDDEN) {
		if (w->skip > 0)
			w->skip--;
		return;
	}
	if (w->skip > 0 || cls == C_VOID_BREAK)
		return;
	if (cls == C_LINK && w->in_link) {
		if (w->linktext.len > 0) {
			w->line_links++;
			if (w->line_href == NULL && w->href)
				w->line_href = scio_strdup(w->href);
		}
		add_link(w);
		w->in_link = 0;
	}
	if (cls == C_HEADING && w->heading > 0)
		w->heading--;
	if (cls == C_BOLD && w->bold > 0)
		w->bold--;
	if ((ni->kind & K_ITEM) && w->item > 0)
		w->item--;
	if ((ni->kind & K_CELL) && w->cell > 0)
		w->cell--;
	if (cls == C_BLOCK || cls == C_HEADING || cls == C_TITLE)
		flush_line(w);
	if (w->depth > 0) {
		struct elem e = w->stack[--w->depth];

		if ((e.bits & E_TITLEISH) && w->titleish > 0)
			w->titleish--;
		if ((e.bits & E_LEAD) && w->lead_depth == w->depth + 1) {
			w->lead_raw = w->raw.len;
			w->lead_depth = 0;
		}
		if (e.bits & E_CONTAINER) {
			close_block(w->pt, w->cur_block);
			w->cur_block = e.saved_block;
		}
	}
}

static size_t
count_nonspace(const xmlChar *s, int n)
{
	size_t c = 0;

	for (int i = 0; i < n; i++)
		if (!isspace(s[i]))
			c++;
	return c;
}

static void
on_text(void *ctx, const xmlChar *s, int n)
{
	struct walk *w = ctx;
	size_t ns;

	if (w->in_title) {
		scio_buf_add(&w->title, s, (size_t)n);
		return;
	}
	if (w->skip > 0 || n <= 0)
		return;
	ns = count_nonspace(s, n);
	w->text_bytes += ns;
	w->pt->blocks[w->cur_block].text_bytes += ns;
	if (w->in_link)
		w->pt->blocks[w->cur_block].link_bytes += ns;
	if (w->bold > 0)
		w->bold_bytes += ns;
	if (w->in_link) {
		scio_buf_add(&w->linktext, s, (size_t)n);
		w->line_link_bytes += ns;
	}
	scio_buf_add(&w->raw, s, (size_t)n);
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
scio_html_read(const char *buf, size_t len, const char *encoding,
    struct scio_page_text *pt)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;
	struct walk w;
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS;

	memset(&w, 0, sizeof(w));
	w.pt = pt;
	w.cur_block = new_block(pt, 0);	/* the document itself */
	memset(&sax, 0, sizeof(sax));
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.cdataBlock = NULL;
	sax.ignorableWhitespace = on_text;
	sax.warning = quiet;
	sax.error = quiet;

	if (len > (size_t)INT32_MAX)
		return -1;
	ctxt = htmlNewParserCtxt();
	if (ctxt == NULL)
		return -1;
	memcpy(ctxt->sax, &sax, sizeof(sax));
	ctxt->userData = &w;
	if (encoding)
		opts |= HTML_PARSE_IGNORE_ENC;
	htmlCtxtReadMemory(ctxt, buf, (int)len, NULL, encoding, opts);
	if (w.in_link)
		add_link(&w);
	flush_line(&w);
	for (size_t i = pt->nblocks; i-- > 0;)
		close_block(pt, i);	/* elements the page never closed */
	if (w.title.len) {
		struct scio_buf clean = {0}, t = {0};

		scio_utf8_sanitize(w.title.s, w.title.len, &clean);
		scio_ws_collapse(clean.s, clean.len, &t);
		scio_buf_free(&clean);
		pt->head_title = t.len ? scio_buf_take(&t) : NULL;
		scio_buf_free(&t);
	}
	if (ctxt->myDoc)
		xmlFreeDoc(ctxt->myDoc);
	htmlFreeParserCtxt(ctxt);
	scio_buf_free(&w.raw);
	scio_buf_free(&w.clean);
	scio_buf_free(&w.text);
	scio_buf_free(&w.title);
	scio_buf_free(&w.linktext);
	free(w.href);
	free(w.line_href);
	free(w.stack);
	return 0;
}
