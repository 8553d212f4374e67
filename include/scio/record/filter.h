/* filter.h: which records scio-grep selects.
 *
 * A filter is a conjunction of field conditions (equality, a pattern, a
 * date range) and at most one text condition (patterns searched in one
 * field, possibly inverted). It tests scanned records (scio_jscan) without
 * building a tree, and jansson objects (the turns of a doc record). */
#ifndef SCIO_FILTER_H
#define SCIO_FILTER_H

#include <jansson.h>

#include "scio/base/jscan.h"
#include "scio/record/datebound.h"
#include "scio/record/match.h"

struct scio_filter;

/* A new filter; flags (SCIO_MATCH_ICASE, SCIO_MATCH_NO_JIT) apply to every
 * condition. */
struct scio_filter *scio_filter_new(int flags);

void scio_filter_free(struct scio_filter *f);

/* The field must equal value: exactly, or without case under ICASE. A
 * value written /REGEX/ is a pattern searched in the field instead. A
 * non-string value is compared as its JSON text (7, null, true). what
 * names the option in messages. */
void scio_filter_equal(struct scio_filter *f, const char *field, const char *value,
    const char *what);

/* The field must be a JSON number op ("<", "<=", ">", ">=") number (a
 * decimal, as strtod reads it). Returns -1 for a bad op or number. */
int scio_filter_compare(struct scio_filter *f, const char *field, const char *op,
    const char *number);

/* The field (a YYYY-MM-DD string) must be on or after / on or before the
 * bound, compared at the bound's precision. */
void scio_filter_since(struct scio_filter *f, const char *field, const char *bound);
void scio_filter_until(struct scio_filter *f, const char *field, const char *bound);

/* The text condition: any of patterns[0..n) (match flags: FIXED, WORD)
 * found in field; with invert, none found. */
void scio_filter_text(struct scio_filter *f, const char *const *patterns, size_t n,
    int mflags, const char *field, int invert);

/* Whether a text condition was set, and the field it searches. */
int scio_filter_has_text(const struct scio_filter *f);
const char *scio_filter_text_field(const struct scio_filter *f);

/* With invert_all, scio_filter_scanned and scio_filter_json return the
 * opposite verdict (-v with no pattern: the records the conditions
 * refuse). */
void scio_filter_invert_all(struct scio_filter *f);

/* Whether a scanned record is selected. */
int scio_filter_scanned(struct scio_filter *f, struct scio_jobj *obj);

/* Whether a jansson object is selected; a field missing from obj is
 * looked up in outer (the doc around a turn) when outer is not NULL. */
int scio_filter_json(struct scio_filter *f, const json_t *obj, const json_t *outer);

/* Whether a pattern could not be tested (PCRE2 failed) since the last
 * call: the verdict on that record means nothing. The first reason is
 * added to why; the failures are cleared. */
int scio_filter_error(struct scio_filter *f, struct scio_buf *why);

/* The hits of the text condition in s[0..n) as [start, end) offsets in
 * code points: a new reference to an array of two-element arrays. */
json_t *scio_filter_marks(struct scio_filter *f, const char *s, size_t n);

/* The next non-empty hit of the text condition in s[0..n) at or after
 * byte *from: returns 1 with [*so, *eo) in bytes and *from moved past it,
 * or 0 when there is none (or no text condition). */
int scio_filter_next_hit(struct scio_filter *f, const char *s, size_t n, size_t *from,
    size_t *so, size_t *eo);

#endif
