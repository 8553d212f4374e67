/* strset.c: an open-addressing hash set of strings. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/strset.h"

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static char **
find(char **slot, size_t cap, const char *s, size_t n)
{
	size_t i = (size_t)hash(s, n) & (cap - 1);

	while (slot[i] != NULL && (strlen(slot[i]) != n || memcmp(slot[i], s, n) != 0))
		i = (i + 1) & (cap - 1);
	return &slot[i];
}

static void
grow(struct scio_strset *set)
{
	size_t cap = set->cap ? set->cap * 2 : 64;
	char **slot = scio_calloc(cap, sizeof(*slot));

	for (size_t i = 0; i < set->cap; i++)
		if (set->slot[i] != NULL)
			*find(slot, cap, set->slot[i], strlen(set->slot[i])) = set->slot[i];
	free(set->slot);
	set->slot = slot;
	set->cap = cap;
}

int
scio_strset_add(struct scio_strset *set, const char *s, size_t n)
{
	char **p;

	if ((set->n + 1) * 2 > set->cap)
		grow(set);
	p = find(set->slot, set->cap, s, n);
	if (*p != NULL)
		return 0;
	*p = scio_strndup(s, n);
	set->n++;
	return 1;
}

int
scio_strset_has(const struct scio_strset *set, const char *s, size_t n)
{
	return set->cap > 0 && *find(set->slot, set->cap, s, n) != NULL;
}

void
scio_strset_free(struct scio_strset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	memset(set, 0, sizeof(*set));
}
