/* jwrite.h: writing JSON records straight into a buffer.
 *
 * For records a program makes in bulk (scio-parse's turns), building a
 * jansson tree only to dump it costs more than the parsing; these append
 * compact JSON text in the order given. Strings must be valid UTF-8
 * (scio_jw_str checks and repairs when unsure). The caller writes the
 * punctuation between members with the helpers below. */
#ifndef SCIO_JWRITE_H
#define SCIO_JWRITE_H

#include <stddef.h>

#include "scio/base/alloc.h"

/* Appends s[0..n) as a JSON string, quoted and escaped. Invalid UTF-8 is
 * replaced by U+FFFD. The C1 controls U+0080..U+009F are written as
 * \u0080..\u009f: the same data, and nothing a terminal could obey. */
void scio_jw_strn(struct scio_buf *b, const char *s, size_t n);

/* The same for text already known to be valid UTF-8 (scio-parse's page
 * text, which the HTML reader has cleaned): no second check. */
void scio_jw_strn_utf8(struct scio_buf *b, const char *s, size_t n);

/* Appends s as a JSON string, or null when s is NULL. */
void scio_jw_str(struct scio_buf *b, const char *s);

/* Appends ,"key": (or "key": for the first member, when first is set). */
void scio_jw_key(struct scio_buf *b, const char *key, int first);

/* Appends a whole member: ,"key":"value" (null for NULL) / a number. */
void scio_jw_kstr(struct scio_buf *b, const char *key, const char *s);
void scio_jw_kint(struct scio_buf *b, const char *key, long long v);

/* Rewrites the C1 controls in the JSON text b->s[from..] as \u0080..
 * \u009f, for JSON another writer (jansson) made. */
void scio_jw_escape_c1(struct scio_buf *b, size_t from);

#endif
