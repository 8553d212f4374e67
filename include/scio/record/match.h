/* match.h: text patterns (PCRE2, UTF-8, JIT) with a literal pre-filter.
 *
 * A matcher holds one or more patterns, any of which may match (as grep's
 * repeated -e). Besides the exact test it knows a literal that every match
 * must contain, so that most values are decided by a memmem-like search
 * over their raw JSON text, before any decoding or regex work. */
#ifndef SCIO_MATCH_H
#define SCIO_MATCH_H

#include <stddef.h>

#include "scio/base/alloc.h"

enum scio_match_flags {
	SCIO_MATCH_FIXED = 1,	/* patterns are plain strings (-F) */
	SCIO_MATCH_ICASE = 2,	/* Unicode case folding (-i) */
	SCIO_MATCH_WORD = 4,	/* only whole words (-w) */
	SCIO_MATCH_WHOLE = 8,	/* the whole value must match (field equality) */
	SCIO_MATCH_NO_JIT = 16,	/* PCRE2's interpreter only: what a program
				 * given SCIO_NO_JIT asks for (valgrind cannot
				 * follow JIT code) */
};

struct scio_match;

/* Compiles patterns[0..n) into one matcher. A pattern that does not
 * compile ends the program (status 2) with PCRE2's message, naming what
 * (the option that gave it, as "-e"). */
struct scio_match *scio_match_new(const char *const *patterns, size_t n, int flags,
    const char *what);

/* As scio_match_new, but a pattern that does not compile gives NULL with
 * the message in why instead of ending the program. */
struct scio_match *scio_match_try(const char *const *patterns, size_t n,
    int flags, const char *what, struct scio_buf *why);

void scio_match_free(struct scio_match *m);

/* Whether the decoded value s[0..n) (valid UTF-8) matches. */
int scio_match_test(struct scio_match *m, const char *s, size_t n);

/* Finds the first match in s[0..n) at or after byte offset from: returns 1
 * and sets [*so, *eo) in bytes, or 0. When PCRE2 fails (a JIT stack or
 * match limit reached) it returns 0 and keeps the reason for
 * scio_match_error: the answer is then not a real "no match". */
int scio_match_find(struct scio_match *m, const char *s, size_t n, size_t from,
    size_t *so, size_t *eo);

/* Whether a match failed since the last call; the first reason is added to
 * why (when not NULL and still empty), and the failure is cleared. */
int scio_match_error(struct scio_match *m, struct scio_buf *why);

/* The pre-filter: 0 when the string value whose raw JSON text (between
 * its quotes, still escaped) is raw[0..n) certainly does not match, 1 when
 * it may. Exact: it never says 0 for a value that matches. */
int scio_match_maybe(const struct scio_match *m, const char *raw, size_t n);

/* The literal the pre-filter looks for ("" when there is none); for tests
 * and --debug. */
const char *scio_match_literal(const struct scio_match *m);

/* Whether s[0..n) contains lit[0..litlen), ASCII letters compared without
 * case. Exposed for the unit tests. */
int scio_memcasemem(const char *s, size_t n, const char *lit, size_t litlen);

#endif
