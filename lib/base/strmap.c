/* strmap.c: string-keyed hash table with linear probing. */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/strmap.h"

unsigned long long
scio_fnv1a64(const void *p, size_t n)
{
	const unsigned char *s = p;
	unsigned long long h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static size_t
slot_of(const struct scio_strmap *m, const char *key)
{
	size_t i = (size_t)scio_fnv1a64(key, strlen(key)) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

void *
scio_strmap_get(const struct scio_strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = slot_of(m, key);
	return m->keys[i] ? m->vals[i] : NULL;
}

static void
grow(struct scio_strmap *m)
{
	struct scio_strmap big = {0};

	big.cap = m->cap ? m->cap * 2 : 16;
	big.keys = scio_calloc(big.cap, sizeof(*big.keys));
	big.vals = scio_calloc(big.cap, sizeof(*big.vals));
	for (size_t i = 0; i < m->cap; i++) {
		if (m->keys[i] == NULL)
			continue;
		size_t j = slot_of(&big, m->keys[i]);
		big.keys[j] = m->keys[i];
		big.vals[j] = m->vals[i];
	}
	big.n = m->n;
	free(m->keys);
	free(m->vals);
	*m = big;
}

/* NOLINTBEGIN(clang-analyzer-unix.Malloc): grow() replaces *m whole;
 * the analyzer keeps the freed arrays in view. */
void *
scio_strmap_put(struct scio_strmap *m, const char *key, void *val)
{
	size_t i;
	void *old;

	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	i = slot_of(m, key);
	if (m->keys[i] == NULL) {
		m->keys[i] = scio_strdup(key);
		m->vals[i] = val;
		m->n++;
		return NULL;
	}
	old = m->vals[i];
	m->vals[i] = val;
	return old;
}
/* NOLINTEND(clang-analyzer-unix.Malloc) */

void
scio_strmap_free(struct scio_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}
