/* article.c: the article pass. An article ends where the site's furniture
 * begins: an end marker ("MORE FROM China SCIO", "Related News", the
 * copyright footer) that stands as a short line with links after it, or
 * with nothing after it that a reader would read, and no turn after it.
 * The same words opening a paragraph ("Copyright protection comes first
 * ...") are text: an end marker is judged as a line, never by its first
 * words alone. */
#include <string.h>

#include "scio/parse/label.h"
#include "scio/parse/lexicon.h"
#include "scio/parse/passes.h"

/* Whether line i has the form of a speaker label, alone or leading a
 * paragraph in bold: a turn may follow an end marker only on a page whose
 * sidebar stands before the article. */
static int
label_at(const struct scio_page_text *pt, size_t i)
{
	const struct scio_line *ln = &pt->lines[i];

	if (ln->claim != SCIO_CLAIM_UNREAD)
		return 0;
	return ln->alone > 0 || (ln->inl > 0 && ln->lead >= ln->inl);
}

/* The next line no pass has claimed, from i on, or pt->nlines. */
static size_t
next_unread(const struct scio_page_text *pt, size_t i)
{
	while (i < pt->nlines && pt->lines[i].claim != SCIO_CLAIM_UNREAD)
		i++;
	return i;
}

/* An end marker that stands as furniture: its words open a line that is
 * not a sentence of prose (a footer's "©" or "All rights reserved" is
 * furniture even when it ends in a full stop), and what follows it is
 * links or chrome, or nothing, or (after_content) no label and no
 * sentence of the article. */
static int
end_marker(const struct scio_page_text *pt, size_t i, int after_content)
{
	const struct scio_line *ln = &pt->lines[i];
	size_t next;

	if ((ln->claim != SCIO_CLAIM_UNREAD && ln->claim != SCIO_CLAIM_CHROME) ||
	    scio_lex_prefix(scio_lex_end, ln->text, 1) == 0)
		return 0;
	if (scio_sentence_like(ln->text) && !strstr(ln->text, "\xC2\xA9") &&
	    !scio_lex_within(scio_lex_rights, ln->text))
		return 0;
	if (after_content)
		return 1;	/* nothing a reader reads follows it */
	next = i + 1;
	if (next < pt->nlines && pt->lines[next].claim != SCIO_CLAIM_UNREAD)
		return 1;	/* links or tools follow it */
	return next_unread(pt, next) == pt->nlines ||
	    (ln->flags & SCIO_LINE_HEADING);
}

/* Whether line i is what an article holds: a label, or a sentence that
 * does not open with an end marker's words. */
static int
content_at(const struct scio_page_text *pt, size_t i)
{
	const struct scio_line *ln = &pt->lines[i];

	if (label_at(pt, i))
		return 1;
	return ln->claim == SCIO_CLAIM_UNREAD && scio_sentence_like(ln->text) &&
	    scio_lex_prefix(scio_lex_end, ln->text, 1) == 0;
}

size_t
scio_pass_article(struct scio_page_text *pt)
{
	size_t last = 0, end = pt->nlines;
	int any = 0;

	for (size_t i = 0; i < pt->nlines; i++)
		if (content_at(pt, i))
			last = i, any = 1;
	for (size_t i = any ? last + 1 : 0; i < pt->nlines; i++)
		if (end_marker(pt, i, any)) {
			end = i;
			break;
		}
	/* an end marker before the article (a sidebar first) is chrome,
	 * with the links under it */
	for (size_t i = 0; i < end; i++)
		if (end_marker(pt, i, 0))
			scio_line_claim(pt, i, SCIO_CLAIM_CHROME, "a sidebar's heading");
	for (size_t i = end; i < pt->nlines; i++)
		if (pt->lines[i].claim == SCIO_CLAIM_UNREAD || i == end)
			scio_line_claim(pt, i, SCIO_CLAIM_CHROME,
			    i == end ? "an end marker" : "after the article's end");
	return end;
}
