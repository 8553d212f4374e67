/* fields.c: reading the small values header fields are made of: dates,
 * clock times, word counts, a <title> without the site's name. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/parse/lexicon.h"
#include "scio/parse/passes.h"
#include "scio/base/text.h"

#define IDEO_BAR "\xE4\xB8\xA8"	/* 丨, the mobile source line's bar */

void
scio_field_set(char **field, const char *s, size_t n)
{
	if (*field != NULL)
		return;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (n > 0 && *s == ' ')
		s++, n--;
	if (n > 0)
		*field = scio_strndup(s, n);
}

size_t
scio_word_count(const char *s, size_t n)
{
	size_t w = 0;
	int in = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ')
			in = 0;
		else if (!in)
			in = 1, w++;
	}
	return w;
}

int
scio_date_line(const char *s, char date[11])
{
	const char *start, *end;

	while (*s == '|' || *s == ' ' || *s == ',')
		s++;
	if (strncmp(s, IDEO_BAR, 3) == 0)
		s += 3;
	while (*s == ' ')
		s++;
	end = scio_date_find(s, date, &start);
	if (end == NULL || start != s)
		return 0;
	while (*end == ' ' || *end == '.' || *end == ';')
		end++;
	return *end == '\0';
}

int
scio_clock_parse(const char *s, char out[6], const char **end)
{
	int h = 0, m = 0, nd = 0;
	const char *p = s;

	while (isdigit((unsigned char)*p) && nd < 2)
		h = h * 10 + (*p++ - '0'), nd++;
	if (isdigit((unsigned char)*p) || nd == 0)
		return 0;
	if (*p == ':' && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2])) {
		m = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
	}
	while (*p == ' ')
		p++;
	if (strncasecmp(p, "a.m.", 4) == 0 || strncasecmp(p, "am", 2) == 0) {
		if (h == 12)
			h = 0;
	} else if (strncasecmp(p, "p.m.", 4) == 0 || strncasecmp(p, "pm", 2) == 0) {
		if (h < 12)
			h += 12;
	} else {
		return 0;
	}
	p += (p[1] == '.') ? 4 : 2;
	if (h > 23 || m > 59)
		return 0;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
	*end = p;
	return 1;
}

/* Whether the words after a separator name the site or its publisher. */
static int
names_site(const char *s)
{
	return scio_lex_is(scio_lex_site, s, strlen(s)) || scio_lex_within(scio_lex_site, s);
}

char *
scio_head_title_clean(const char *t)
{
	char *s = scio_strdup(t);
	static const char *const seps[] = {" - ", " | ", " _ ", "_", " -- ", NULL};

	for (int again = 1; again;) {
		again = 0;
		for (const char *const *sep = seps; *sep; sep++) {
			char *last = NULL, *p = s;

			while ((p = strstr(p, *sep)) != NULL)
				last = p++;
			if (last != NULL && names_site(last + strlen(*sep))) {
				*last = '\0';
				again = 1;
			}
		}
	}
	if (*s == '\0' || scio_lex_is(scio_lex_site, s, strlen(s))) {
		free(s);
		return NULL;
	}
	return s;
}

