/* fieldopt.h: the field conditions a program takes as options, written
 * once for scio-grep and scio-db search: --speaker, --role, --outlet,
 * --doc, --since, --until, and scio-grep's --where. */
#ifndef SCIO_FIELDOPT_H
#define SCIO_FIELDOPT_H

#include <getopt.h>
#include <stddef.h>

#include "scio/record/filter.h"

enum scio_fopt {
	SCIO_FOPT_SPEAKER,
	SCIO_FOPT_ROLE,
	SCIO_FOPT_OUTLET,
	SCIO_FOPT_DOC,
	SCIO_FOPT_SINCE,
	SCIO_FOPT_UNTIL,
	SCIO_FOPT_N
};

/* The six as getopt_long entries, each returning base + its enum value:
 * put SCIO_FOPT_LONGOPTS(OPT_X), in a program's longopts and give OPT_X
 * SCIO_FOPT_N values of its own. */
#define SCIO_FOPT_LONGOPTS(base) \
	{ "speaker", required_argument, NULL, (base) + SCIO_FOPT_SPEAKER }, \
	{ "role", required_argument, NULL, (base) + SCIO_FOPT_ROLE }, \
	{ "outlet", required_argument, NULL, (base) + SCIO_FOPT_OUTLET }, \
	{ "doc", required_argument, NULL, (base) + SCIO_FOPT_DOC }, \
	{ "since", required_argument, NULL, (base) + SCIO_FOPT_SINCE }, \
	{ "until", required_argument, NULL, (base) + SCIO_FOPT_UNTIL }

/* The record field option id tests ("speaker", "date"), and the option
 * as a user writes it ("--speaker"). */
const char *scio_fopt_field(enum scio_fopt id);
const char *scio_fopt_option(enum scio_fopt id);

/* Adds option id's condition, value (checked), to f. */
void scio_fopt_filter(struct scio_filter *f, enum scio_fopt id, const char *value);

/* The option's value checked (a role of the schema, a date bound of the
 * calendar): returned as it is, or the run ends with a usage error that
 * names the option and what is wrong. */
const char *scio_fopt_check(enum scio_fopt id, const char *value);

/* The conditions of a command line, kept as given until every option is
 * known (-i, which changes how they compile, may come after them). */
struct scio_fconds {
	struct scio_fcond *v;
	size_t n, cap;
};

/* Adds option id's value (checked as scio_fopt_check does). */
void scio_fconds_add(struct scio_fconds *c, enum scio_fopt id, const char *value);

/* Adds a --where: FIELD=VALUE, or FIELD<N, FIELD<=N, FIELD>N, FIELD>=N;
 * FIELD one of the schema's or +NAME. A malformed one ends the run with a
 * usage error. */
void scio_fconds_where(struct scio_fconds *c, const char *arg);

/* Adds every condition to f; a --where number that does not read ends
 * the run with a usage error. */
void scio_fconds_apply(const struct scio_fconds *c, struct scio_filter *f);

void scio_fconds_free(struct scio_fconds *c);

#endif
