/* chrome.c: the chrome pass. Site furniture is known by its structure
 * first (lines that are links, lists of links, the pager) and by the
 * site's words second (the tools of lexicon.h), never by where it stands. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "scio/parse/lexicon.h"
#include "scio/parse/passes.h"
#include "scio/base/text.h"

int
scio_line_is_link(const struct scio_line *ln)
{
	return ln->text_bytes > 0 && ln->link_bytes * 2 >= ln->text_bytes;
}

int
scio_sentence_like(const char *s)
{
	size_t n = strlen(s);

	/* a closing quote or bracket after the stop */
	while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
		n--;
	if (n >= 3 && (memcmp(s + n - 3, "\xE2\x80\x9D", 3) == 0 ||	/* ” */
	    memcmp(s + n - 3, "\xE2\x80\x99", 3) == 0))
		n -= 3;
	if (n == 0)
		return 0;
	if (strchr(".!?;", s[n - 1]))
		return 1;
	return n >= 3 && (memcmp(s + n - 3, "\xE3\x80\x82", 3) == 0 ||	/* 。 */
	    memcmp(s + n - 3, "\xEF\xBC\x9F", 3) == 0 ||	/* ？ */
	    memcmp(s + n - 3, "\xEF\xBC\x81", 3) == 0);	/* ！ */
}

int
scio_caption_like(const char *s)
{
	size_t n = strlen(s);

	if (n > 2 && (s[n - 1] == ']' || s[n - 1] == ')' || strstr(s, "[Photo") ||
	    strstr(s, "(Photo")) && scio_lex_within(scio_lex_photo, s))
		return 1;
	while (isdigit((unsigned char)*s))
		s++;
	return s[0] == '/' && isdigit((unsigned char)s[1]);	/* "1/4  Group photo" */
}

int
scio_zh_like(const char *s)
{
	return scio_lex_is(scio_lex_zh, s, strlen(s));
}

int
scio_pager_like(const char *s, int *max)
{
	int numbers = 0, top = 0;
	const char *p = s;

	while (*p) {
		const char *w = p;
		size_t n;

		while (*p && *p != ' ')
			p++;
		n = (size_t)(p - w);
		while (*p == ' ')
			p++;
		if (n > 0 && n <= 3 && isdigit((unsigned char)w[0])) {
			int v = 0;

			for (size_t i = 0; i < n; i++) {
				if (!isdigit((unsigned char)w[i]))
					return 0;
				v = v * 10 + (w[i] - '0');
			}
			numbers++;
			if (v > top)
				top = v;
			continue;
		}
		if ((n == 1 && (*w == '>' || *w == '<')) ||
		    (n == 2 && (memcmp(w, ">>", 2) == 0 || memcmp(w, "<<", 2) == 0)) ||
		    (n == 2 && (memcmp(w, "\xC2\xBB", 2) == 0 || memcmp(w, "\xC2\xAB", 2) == 0)) ||
		    (n == 3 && memcmp(w, "...", 3) == 0) ||
		    (n == 4 && strncasecmp(w, "Next", 4) == 0) ||
		    (n == 4 && strncasecmp(w, "Prev", 4) == 0) ||
		    (n == 8 && strncasecmp(w, "Previous", 8) == 0))
			continue;
		return 0;
	}
	if (numbers >= 2 || (numbers == 1 && top == 1 && strchr(s, '>'))) {
		*max = top;
		return 1;
	}
	return 0;
}

/* Separators between tool words and in breadcrumbs. */
static size_t
separator_len(const char *s)
{
	if (*s == ' ' || *s == '>' || *s == '|' || *s == '/')
		return 1;
	if (strncmp(s, "\xE3\x84\x91", 3) == 0 || strncmp(s, "\xE4\xB8\xA8", 3) == 0)
		return 3;	/* ㄑ (mobile breadcrumb), 丨 */
	return 0;
}

size_t
scio_tools_skip(const char *s)
{
	const char *p = s;

	for (;;) {
		size_t n = separator_len(p);

		if (n == 0)
			n = scio_lex_prefix(scio_lex_tools, p, 1);
		if (n == 0)
			break;
		p += n;
	}
	return (size_t)(p - s);
}

/* Whether a line of a list is one of many links: the list's text is
 * mostly links although this item's own link may be missing. */
static int
in_link_list(const struct scio_page_text *pt, size_t i)
{
	const struct scio_line *ln = &pt->lines[i];

	return (ln->flags & SCIO_LINE_ITEM) && !scio_sentence_like(ln->text) &&
	    scio_line_block_links(pt, i) > 0.5;
}

static int
matches_head_title(const char *s, const char *ht)
{
	size_t n = strlen(s);

	return ht && n >= 8 && strncasecmp(s, ht, n < strlen(ht) ? n : strlen(ht)) == 0;
}

void
scio_pass_chrome(struct scio_page_text *pt, struct scio_page *pg,
    const char *head_title)
{
	for (size_t i = 0; i < pt->nlines; i++) {
		const struct scio_line *ln = &pt->lines[i];
		const char *s = ln->text;
		int top;

		if (scio_pager_like(s, &top)) {
			if (top > pg->npages)
				pg->npages = top;
			scio_line_claim(pt, i, SCIO_CLAIM_PAGER, "a pagination bar");
		} else if (scio_zh_like(s) || scio_lex_is(scio_lex_category, s, ln->len)) {
			continue;	/* a header field, link as it may be */
		} else if (scio_line_is_link(ln) && !matches_head_title(s, head_title)) {
			scio_line_claim(pt, i, SCIO_CLAIM_CHROME, "a link");
		} else if (in_link_list(pt, i)) {
			scio_line_claim(pt, i, SCIO_CLAIM_CHROME, "an item of a list of links");
		} else if (scio_lex_is(scio_lex_chrome, s, ln->len) ||
		    scio_tools_skip(s) == ln->len) {
			scio_line_claim(pt, i, SCIO_CLAIM_CHROME, "site tools");
		} else if (scio_lex_prefix(scio_lex_breadcrumb, s, 0) > 0) {
			scio_line_claim(pt, i, SCIO_CLAIM_CHROME, "a breadcrumb");
		}
	}
}
