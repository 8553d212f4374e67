/* grep.h: scio-grep's selection, as a library: reads records, tests them
 * with a filter (a doc record turn by turn, a field a turn lacks taken
 * from its doc) and writes what the options ask for with scio_out_write. */
#ifndef SCIO_GREP_H
#define SCIO_GREP_H

#include <stddef.h>

#include "scio/base/jsonl.h"
#include "scio/record/filter.h"

struct scio_grep_opts {
	const char *field;	/* the field the text condition searches */
	int count;		/* -c: write nothing, count */
	int list;		/* -l: each selected conference id once */
	int quiet;		/* -q: exit 0 at the first selected record */
	int only;		/* -o: the hits of the text condition, one a line */
	int mark;		/* --mark: add "matches" to selected records */
	int turns;		/* --turns: of a doc, the matching turns only */
	int qa;			/* --qa: the whole exchange of each selection */
	size_t before, after;	/* -B, -A: records of context */
	unsigned long long max;	/* -m: stop after this many (0: no limit) */
};

struct scio_grep;

/* A selection with the options o and the filter f (borrowed: free it
 * after scio_grep_free). */
struct scio_grep *scio_grep_new(const struct scio_grep_opts *o, struct scio_filter *f);

/* Reads in to its end, writing what is selected; a bad line is reported
 * and skipped. Returns 0 when -m says to stop reading altogether. */
int scio_grep_input(struct scio_grep *g, struct scio_input *in);

/* How many records were selected so far. */
unsigned long long scio_grep_selected(const struct scio_grep *g);

void scio_grep_free(struct scio_grep *g);

#endif
