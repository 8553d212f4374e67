/* strset.h: a set of strings (the conference ids scio-grep -l has seen). */
#ifndef SCIO_STRSET_H
#define SCIO_STRSET_H

#include <stddef.h>

struct scio_strset {
	char **slot;
	size_t cap;	/* a power of two, or 0 */
	size_t n;
};

/* Adds s[0..n) (copied); returns 1 if it was new, 0 if already there. */
int scio_strset_add(struct scio_strset *set, const char *s, size_t n);

/* Whether s[0..n) is in the set. */
int scio_strset_has(const struct scio_strset *set, const char *s, size_t n);

void scio_strset_free(struct scio_strset *set);

#endif
