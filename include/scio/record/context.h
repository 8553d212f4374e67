/* context.h: which neighbours of a selected record scio-grep also writes:
 * its whole question-and-answer exchange (same doc and qa), or N records
 * before and after it within the same conference. Each record is written
 * once, in input order. */
#ifndef SCIO_CONTEXT_H
#define SCIO_CONTEXT_H

#include <stddef.h>

struct scio_context;

/* Exchange mode (qa != 0) or neighbour mode (before, after). */
struct scio_context *scio_context_new(int qa, size_t before, size_t after);

/* Offers the next record: the bytes to write for it (newline included),
 * its conference id and exchange number as text (NULL when it has none),
 * and whether it was selected. Writes whatever is due. */
void scio_context_add(struct scio_context *c, const char *bytes, size_t n,
    const char *doc, const char *qa, int selected);

/* Whether a record following the last one could still be written as
 * context of an earlier selection (for -m: read on until it cannot). */
int scio_context_pending(const struct scio_context *c);

void scio_context_free(struct scio_context *c);

#endif
