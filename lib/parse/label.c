/* label.c: speaker labels, participant lines, outlets and people. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/parse/html.h"
#include "scio/parse/label.h"
#include "scio/parse/lexicon.h"
#include "scio/base/text.h"

#define FULLWIDTH_COLON "\xEF\xBC\x9A"	/* U+FF1A */

/* An honorific and the space after it ("Mr. ", "Ms "), case as written:
 * "MR." is not one. */
size_t
scio_honorific_len(const char *s)
{
	for (const char *const *h = scio_lex_honorific; *h; h++) {
		size_t n = strlen(*h);

		if (strncmp(s, *h, n) == 0 && s[n] == ' ')
			return n + 1;
	}
	return 0;
}

static int
in_set(const char *w, size_t n, const char *const *set)
{
	return scio_lex_is(set, w, n);
}

/* Splits s[0..n) into words at spaces, calling f on each; stops early and
 * returns 0 when f does. */
static int
each_word(const char *s, size_t n, int (*f)(const char *, size_t, void *), void *arg)
{
	size_t i = 0;

	while (i < n) {
		size_t j;

		while (i < n && s[i] == ' ')
			i++;
		j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j > i && !f(s + i, j - i, arg))
			return 0;
		i = j;
	}
	return 1;
}

static int
word_ok(const char *w, size_t n, void *arg)
{
	int *words = arg;
	unsigned char c;

	(*words)++;
	while (n > 0 && (*w == '(' || *w == '"' || *w == '\''))
		w++, n--;
	while (n > 0 && (w[n - 1] == ')' || w[n - 1] == ','))
		n--;
	if (n == 0)
		return 1;
	c = (unsigned char)w[0];
	if (isupper(c) || isdigit(c) || c >= 0x80)
		return 1;
	return in_set(w, n, scio_lex_connector);
}

int
scio_label_shape(const char *s, size_t n)
{
	int words = 0;

	if (n == 0 || n > 90)
		return 0;
	if (!isupper((unsigned char)s[0]) && !isdigit((unsigned char)s[0]) &&
	    (unsigned char)s[0] < 0x80)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '?' || c == '!' || c == ';' || c == '"' || c == ':')
			return 0;
		/* A full stop ends a sentence unless it closes an honorific
		 * or an initial, or sits inside a word (Jiemian.com). */
		if (c == '.' && (i + 1 == n || s[i + 1] == ' ')) {
			size_t k = i;

			while (k > 0 && s[k - 1] != ' ')
				k--;
			if (i - k > 4 || !isupper((unsigned char)s[k]))
				return 0;
		}
	}
	if (strncmp(s + n - 1, ",", 1) == 0)
		return 0;
	if (in_set(s, n, scio_lex_not_label))
		return 0;
	if (!each_word(s, n, word_ok, &words))
		return 0;
	if (words > 9)
		return 0;
	/* A date is not a label. */
	if (memchr(s, '0', n) || memchr(s, '1', n) || memchr(s, '2', n) ||
	    memchr(s, '3', n) || memchr(s, '4', n) || memchr(s, '5', n) ||
	    memchr(s, '6', n) || memchr(s, '7', n) || memchr(s, '8', n) ||
	    memchr(s, '9', n)) {
		char d[11];
		char *tmp = scio_strndup(s, n);
		int m, dd, is_date = scio_date_find(tmp, d, NULL) != NULL ||
		    (scio_monthday_find(tmp, &m, &dd) && words <= 3);

		free(tmp);
		if (is_date)
			return 0;
	}
	return 1;
}

/* Length of a colon at s: 1 for ':', 3 for the full-width one, else 0. */
static size_t
colon_at(const char *s, size_t n)
{
	if (n >= 1 && s[0] == ':')
		return 1;
	if (n >= 3 && memcmp(s, FULLWIDTH_COLON, 3) == 0)
		return 3;
	return 0;
}

size_t
scio_label_alone(const char *line, size_t n)
{
	size_t name;

	while (n > 0 && line[n - 1] == ' ')
		n--;
	if (n >= 1 && line[n - 1] == ':')
		name = n - 1;
	else if (n >= 3 && memcmp(line + n - 3, FULLWIDTH_COLON, 3) == 0)
		name = n - 3;
	else
		return 0;
	while (name > 0 && line[name - 1] == ' ')
		name--;
	return scio_label_shape(line, name) ? name : 0;
}

size_t
scio_label_inline(const char *line, size_t n, const char **rest)
{
	size_t span = n < 94 ? n : 94;

	/* most paragraphs have no colon near their start (0xEF begins the
	 * full-width one) */
	if (memchr(line, ':', span) == NULL && memchr(line, 0xEF, span) == NULL)
		return 0;
	for (size_t i = 1; i < n && i <= 90; i++) {
		size_t c = colon_at(line + i, n - i);
		size_t name = i;

		if (c == 0)
			continue;
		while (name > 0 && line[name - 1] == ' ')
			name--;
		if (i + c >= n || !scio_label_shape(line, name))
			return 0;
		*rest = line + i + c;
		while (**rest == ' ')
			(*rest)++;
		if (**rest == '\0' || (**rest == '/' && (*rest)[1] == '/'))
			return 0;	/* a URL's scheme, or nothing after */
		return name;
	}
	return 0;
}

static int
outlet_word(const char *w, size_t n, void *arg)
{
	int *hit = arg;
	size_t caps = 0;

	while (n > 0 && (*w == '(' || *w == '\''))
		w++, n--;
	while (n > 0 && (w[n - 1] == ')' || w[n - 1] == ',' || w[n - 1] == '\''))
		n--;
	if (n >= 2 && w[n - 2] == '\'' && w[n - 1] == 's')
		n -= 2;
	if (in_set(w, n, scio_lex_outlet_word))
		*hit = 1;
	for (size_t i = 0; i < n; i++)
		if (isupper((unsigned char)w[i]))
			caps++;
	if (n >= 2 && caps == n)
		*hit = 1;	/* an acronym: CNR, CCTV, AFP */
	if (memchr(w, '.', n) && n > 3 && !isupper((unsigned char)w[n - 1]))
		*hit = 1;	/* a domain: Jiemian.com */
	return 1;
}

int
scio_outlet_like(const char *s, size_t n)
{
	int hit = 0, words = 0;

	each_word(s, n, word_ok, &words);
	if (words == 1 && scio_honorific_len(s) == 0)
		return 1;
	each_word(s, n, outlet_word, &hit);
	return hit || memchr(s, ',', n) != NULL;
}

static int
name_word(const char *w, size_t n, void *arg)
{
	int *words = arg;

	(*words)++;
	if (n < 2 || !isupper((unsigned char)w[0]))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!islower((unsigned char)w[i]) && w[i] != '-' && w[i] != '\'')
			return 0;
	return 1;
}

int
scio_name_like(const char *s, size_t n)
{
	size_t h = scio_honorific_len(s);
	int words = 0;

	if (h > n)
		return 0;
	s += h;
	n -= h;
	if (!each_word(s, n, name_word, &words))
		return 0;
	if (h > 0 && words >= 1 && words <= 4)
		return 1;
	return words >= 2 && words <= 4 && !scio_outlet_like(s, n);
}

void
scio_person_free(struct scio_person *p)
{
	free(p->name);
	free(p->honorific);
	free(p->title);
	memset(p, 0, sizeof(*p));
}

int
scio_person_parse(const char *line, struct scio_person *p)
{
	size_t n = strlen(line), h, name_end;
	const char *name, *comma;

	memset(p, 0, sizeof(*p));
	while (n > 0 && (line[n - 1] == ';' || line[n - 1] == '.' ||
	    line[n - 1] == ' ' || line[n - 1] == ','))
		n--;
	if (n == 0 || n > 400)
		return -1;
	h = scio_honorific_len(line);
	if (h >= n)
		return -1;	/* an honorific alone ("Mr." cut to "Mr") */
	name = line + h;
	comma = memchr(name, ',', n - h);
	if (comma == NULL) {
		const char *fw = strstr(name, "\xEF\xBC\x8C");	/* full-width comma */

		if (fw && fw < line + n)
			comma = fw;
	}
	name_end = comma ? (size_t)(comma - name) : n - h;
	while (name_end > 0 && name[name_end - 1] == ' ')
		name_end--;
	if (!scio_name_like(name, name_end)) {
		/* A name of one word is allowed after an honorific, as is
		 * a name in capitals ("LIU Liehong"). */
		int words = 0;

		if (!(h > 0 && name_end > 0 && name_end < 40 &&
		    each_word(name, name_end, word_ok, &words) && words <= 4))
			return -1;
	}
	if (comma == NULL && h == 0)
		return -1;	/* a bare pair of words is too weak a sign */
	p->name = scio_strndup(name, name_end);
	if (h > 0) {
		size_t hl = h;

		while (hl > 0 && line[hl - 1] == ' ')
			hl--;
		p->honorific = scio_strndup(line, hl);
	}
	if (comma) {
		const char *t = comma + (*comma == ',' ? 1 : 3);

		while (*t == ' ')
			t++;
		if (t < line + n)
			p->title = scio_strndup(t, (size_t)(line + n - t));
	}
	return 0;
}

void
scio_label_lines(struct scio_page_text *pt)
{
	for (size_t i = 0; i < pt->nlines; i++) {
		struct scio_line *ln = &pt->lines[i];
		const char *rest;

		ln->alone = scio_label_alone(ln->text, ln->len);
		ln->inl = ln->alone ? 0 : scio_label_inline(ln->text, ln->len, &rest);
		ln->rest = ln->inl ? (size_t)(rest - ln->text) : 0;
	}
}
