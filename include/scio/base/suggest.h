/* suggest.h: "did you mean" for a mistyped name (an option, a field). */
#ifndef SCIO_SUGGEST_H
#define SCIO_SUGGEST_H

#include <stddef.h>

/* The candidate closest to word (cands ends with NULL) when it is close
 * enough to be a likely typo: an edit distance (insert, delete, change or
 * swap two neighbours) of at most 1 for short words, 2 from 5 characters,
 * 3 from 9; else NULL. Ties go to the first candidate. */
const char *scio_suggest(const char *word, const char *const *cands);

/* Optimal string alignment distance between a and b (for the tests). */
size_t scio_edit_distance(const char *a, const char *b);

#endif
