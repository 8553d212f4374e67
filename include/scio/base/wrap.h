/* wrap.h: breaking a paragraph into lines by display width. */
#ifndef SCIO_WRAP_H
#define SCIO_WRAP_H

#include <stddef.h>

/* Called once per output line with the line's byte span in the text
 * (spaces at the break left out). */
typedef void scio_wrap_line_fn(const char *s, size_t start, size_t end,
    void *arg);

/* Breaks s[start..end) into lines of at most width columns (0: no limit, one
 * line). Breaks at spaces, and between East Asian wide characters, which
 * carry no spaces; a word longer than the width is split where it must.
 * Runs of spaces inside a line are kept; a paragraph of nothing but spaces
 * gives no line. */
void scio_wrap(const char *s, size_t start, size_t end, size_t width,
    scio_wrap_line_fn *line, void *arg);

#endif
