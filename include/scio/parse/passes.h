/* passes.h: the passes scio-parse makes over one page's lines.
 *
 * A page is read as a pipeline over one model, the lines of html.h:
 *
 *   lines (html.c)     the text a reader sees, with markup hints
 *   chrome (chrome.c)  site furniture: links, tools, the pager
 *   article (article.c) where the article ends: the footer and sidebars
 *                       after its last turn
 *   header (header.c)  the lines before the first turn, as a set of
 *                       fields wherever each stands
 *   body (page.c)      labels and paragraphs, into the page's paragraphs
 *
 * then, over all pages of a conference, labels and roles (label.c,
 * roles.c) and records (conf.c). Each pass claims the lines it reads
 * (scio_line_claim), so --explain can say who took each line and why. */
#ifndef SCIO_PASSES_H
#define SCIO_PASSES_H

#include <stddef.h>

#include "scio/parse/html.h"
#include "scio/parse/model.h"

/* The chrome pass: claims menus, link lists, share tools and the pager.
 * head_title is the page's <title> without the site's name (or NULL): a
 * line that matches it is never chrome. Sets pg->npages from the pager. */
void scio_pass_chrome(struct scio_page_text *pt, struct scio_page *pg,
    const char *head_title);

/* The article pass: returns the line where the article ends (the first
 * end marker, such as "MORE FROM ...", after which no turn begins) and
 * claims every line from there on as chrome. */
size_t scio_pass_article(struct scio_page_text *pt);

/* The header pass: reads lines [start, end) up to the first turn as a
 * set of fields into pg, and returns the first line of the turns. */
size_t scio_pass_header(struct scio_page_text *pt, struct scio_page *pg,
    const char *head_title, size_t start, size_t end);

/* --- helpers the passes share ----------------------------------------- */

/* How many bytes of tool words ("0 Comment(s)", "Print", "E-mail", ...)
 * and separators open s; s + that is what the line says besides. */
size_t scio_tools_skip(const char *s);

/* Whether a line is mostly links (at least half its text). */
int scio_line_is_link(const struct scio_line *ln);

/* Whether s reads as a sentence: it ends in . ! ? ; or their CJK forms
 * (a closing quote or bracket may follow). */
int scio_sentence_like(const char *s);

/* A photo caption ("... [Photo by NAME/China SCIO]") or a gallery item
 * ("/4    Group photo"). */
int scio_caption_like(const char *s);

/* "Read in Chinese" and its mirrors' form. */
int scio_zh_like(const char *s);

/* A pagination bar ("1 2 3 4 >"); sets *max to its last page. */
int scio_pager_like(const char *s, int *max);

/* A line that is only a date ("July 22, 2024", "| May 8, 2025",
 * "2025-11-11"); writes it as YYYY-MM-DD into date. */
int scio_date_line(const char *s, char date[11]);

/* A clock time ("10 a.m.", "3:30 p.m.") as HH:MM; *end is set past it. */
int scio_clock_parse(const char *s, char out[6], const char **end);

/* Sets *field to s[0..n) trimmed, unless it is already set. */
void scio_field_set(char **field, const char *s, size_t n);

/* Words separated by spaces in s[0..n). */
size_t scio_word_count(const char *s, size_t n);

/* A <title> without the site's name ("X - China.org.cn" gives "X"); NULL
 * when nothing else is left (a title that is the site's name alone). New
 * string. */
char *scio_head_title_clean(const char *t);

#endif
