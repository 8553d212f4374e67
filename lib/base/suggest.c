/* suggest.c: the nearest name to a mistyped one. */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/suggest.h"

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t
scio_edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), w = m + 1, d;
	size_t *t = scio_reallocarray(NULL, (n + 1) * w, sizeof(*t));

	for (size_t i = 0; i <= n; i++)
		t[i * w] = i;
	for (size_t j = 0; j <= m; j++)
		t[j] = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];

			t[i * w + j] = min3(t[(i - 1) * w + j] + 1, t[i * w + j - 1] + 1,
			    t[(i - 1) * w + j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    t[(i - 2) * w + j - 2] + 1 < t[i * w + j])
				t[i * w + j] = t[(i - 2) * w + j - 2] + 1;
		}
	d = t[n * w + m];
	free(t);
	return d;
}

const char *
scio_suggest(const char *word, const char *const *cands)
{
	size_t len = strlen(word), limit = len >= 9 ? 3 : len >= 5 ? 2 : 1;
	size_t best_d = limit + 1;
	const char *best = NULL;

	for (size_t i = 0; cands[i] != NULL; i++) {
		size_t d = scio_edit_distance(word, cands[i]);

		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	return best;
}
