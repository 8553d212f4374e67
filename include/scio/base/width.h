/* width.h: UTF-8 decoding and the display width of text on a terminal,
 * independent of the locale (so output is the same under C and C.UTF-8). */
#ifndef SCIO_WIDTH_H
#define SCIO_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the character at s[0..n) (n > 0) into *cp and returns its length
 * in bytes. A malformed sequence gives U+FFFD and a length of 1. */
size_t scio_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Columns a character takes: 2 for East Asian wide and fullwidth ones,
 * 0 for combining marks and other zero-width characters, else 1 (control
 * characters count 1: formatters show them as U+FFFD). */
int scio_cp_width(uint32_t cp);

/* Whether a character is a C0 or C1 control other than tab and newline,
 * which no formatter copies to a terminal or a page as it is. */
int scio_cp_is_control(uint32_t cp);

/* Columns the UTF-8 text s[0..n) takes. */
size_t scio_str_width(const char *s, size_t n);

/* Length in bytes of the longest prefix of s[0..n) that fits in cols
 * columns, never splitting a character. */
size_t scio_str_cut(const char *s, size_t n, size_t cols);

/* Number of characters (code points) in s[0..n). */
size_t scio_utf8_count(const char *s, size_t n);

#endif
