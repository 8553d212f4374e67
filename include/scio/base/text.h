/* text.h: small text utilities: UTF-8 checks, whitespace, dates, case. */
#ifndef SCIO_TEXT_H
#define SCIO_TEXT_H

#include <stddef.h>

#include "scio/base/alloc.h"

/* Whether s[0..n) is valid UTF-8 (no overlongs, surrogates or NUL). */
int scio_utf8_valid(const char *s, size_t n);

/* Appends s[0..n) to out with every invalid UTF-8 sequence or NUL replaced
 * by U+FFFD, so the result can always go into a JSON string. */
void scio_utf8_sanitize(const char *s, size_t n, struct scio_buf *out);

/* Appends s[0..n) to out with runs of white space (ASCII, no-break space,
 * ideographic space) collapsed to one space and the ends trimmed. */
void scio_ws_collapse(const char *s, size_t n, struct scio_buf *out);

/* Finds the first full date in s ("July 22, 2024", "Sept. 3, 2019",
 * "22 July 2024", "2024-07-22", "2024/7/22") and writes it as YYYY-MM-DD
 * into out[11]. Returns a pointer just past the date in s, or NULL. When
 * start is not NULL it receives where the date begins. */
const char *scio_date_find(const char *s, char out[11], const char **start);

/* Finds "Month D" without a year (as in "held a press conference on July
 * 22") in s; returns month (1-12) and day, or 0 when there is none. */
int scio_monthday_find(const char *s, int *month, int *day);

/* The month (1-12) a word names ("Sept.", "Feb", "August"), or 0. */
int scio_month_from_word(const char *w, size_t n);

/* Whether s starts with prefix, ignoring ASCII case. */
int scio_startswith_ci(const char *s, const char *prefix);

/* Finds needle in hay ignoring ASCII case, or NULL. */
const char *scio_strcasestr(const char *hay, const char *needle);

/* Appends s[0..n) to out with its control characters (C0 but tab and,
 * when keep_nl, newline; DEL; C1) replaced by visible symbols (U+2400 +
 * the code, U+2421, U+FFFD), so that text from a page cannot drive the
 * terminal it is shown on. */
void scio_text_defang(struct scio_buf *out, const char *s, size_t n, int keep_nl);

/* A new string: s[0..n) with its ASCII letters in lower case. */
char *scio_strndup_lower(const char *s, size_t n);

/* Appends s[0..n) escaped for an HTML or XML element or quoted attribute:
 * & < > " ' as entities, tab, CR and LF as spaces, and what neither allows
 * in text (other C0 controls, DEL, the C1 controls, the noncharacters
 * U+FFFE and U+FFFF) as U+FFFD. */
void scio_xml_esc(struct scio_buf *out, const char *s, size_t n);

/* The value (0-15) of the hex digit c, either case, or -1. */
static inline int
scio_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif
