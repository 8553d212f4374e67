/* strmap.h: a map from strings to pointers (open addressing). */
#ifndef SCIO_STRMAP_H
#define SCIO_STRMAP_H

#include <stddef.h>

/* Zero-initialise ({0}); keys are copied, values are borrowed. */
struct scio_strmap {
	char **keys;
	void **vals;
	size_t n;
	size_t cap;
};

/* The value stored under key, or NULL. */
void *scio_strmap_get(const struct scio_strmap *m, const char *key);

/* Stores val under key, replacing any value there; returns the old one. */
void *scio_strmap_put(struct scio_strmap *m, const char *key, void *val);

/* Frees the keys and the table (not the values). */
void scio_strmap_free(struct scio_strmap *m);

/* 64-bit FNV-1a of n bytes, for hashing keys and content. */
unsigned long long scio_fnv1a64(const void *p, size_t n);

#endif
