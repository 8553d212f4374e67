/* wrap.c: greedy line breaking by display width. */
#include "scio/base/width.h"
#include "scio/base/wrap.h"

#define NONE ((size_t)-1)

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Closing punctuation that East Asian typography keeps off the start of
 * a line (a small set: the common full stops, commas and brackets). */
static int
no_break_before(uint32_t cp)
{
	switch (cp) {
	case 0x3001: case 0x3002: case 0x3009: case 0x300B: case 0x300D:
	case 0x300F: case 0x3011: case 0x3015: case 0x3017: case 0x201D:
	case 0x2019: case 0xFF01: case 0xFF09: case 0xFF0C: case 0xFF0E:
	case 0xFF1A: case 0xFF1B: case 0xFF1F: case 0xFF3D: case 0xFF5D:
	case 0x30FC: case 0x3005:
		return 1;
	}
	return 0;
}

static size_t
trim_end(const char *s, size_t start, size_t end)
{
	while (end > start && is_space(s[end - 1]))
		end--;
	return end;
}

void
scio_wrap(const char *s, size_t i, size_t n, size_t width,
    scio_wrap_line_fn *line, void *arg)
{
	size_t start, col, brk_end, brk_next, prev_end, prev_next, len;
	uint32_t cp;
	int w;

	while (i < n && is_space(s[i]))
		i++;
	start = i;
	col = 0;
	brk_end = brk_next = prev_end = prev_next = NONE;
	while (i < n) {
		if (is_space(s[i])) {
			brk_end = i;
			while (i < n && is_space(s[i])) {
				i++;
				col++;
			}
			brk_next = i;
			continue;
		}
		len = scio_utf8_decode(s + i, n - i, &cp);
		w = scio_cp_width(cp);
		if (no_break_before(cp) && brk_end == i) {
			/* Back to the break before the character it follows. */
			brk_end = prev_end;
			brk_next = prev_next;
		} else if (w == 2 && col > 0 && brk_end != i) {
			brk_end = i;
			brk_next = i;
		}
		if (width > 0 && col + (size_t)w > width && col > 0) {
			if (brk_end != NONE && brk_end > start) {
				line(s, start, trim_end(s, start, brk_end), arg);
				i = brk_next;
			} else {
				line(s, start, i, arg);
			}
			start = i;
			col = 0;
			brk_end = brk_next = prev_end = prev_next = NONE;
			continue;
		}
		col += (size_t)w;
		i += len;
		if (w == 2) {
			prev_end = brk_end;
			prev_next = brk_next;
			brk_end = i;
			brk_next = i;
		}
	}
	if (trim_end(s, start, n) > start)
		line(s, start, trim_end(s, start, n), arg);
}
