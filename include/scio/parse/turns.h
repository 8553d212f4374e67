/* turns.h: a conference's text cut into speaker turns, each with its
 * speaker, role and question number (the label and role passes, over all
 * the pages of one conference). */
#ifndef SCIO_TURNS_H
#define SCIO_TURNS_H

#include <stddef.h>

#include "scio/base/alloc.h"
#include "scio/parse/model.h"
#include "scio/parse/roles.h"
#include "scio/base/strmap.h"

/* A speaker turn. */
struct scio_turn {
	int page;			/* where it starts */
	const char *url;		/* that page's URL (borrowed) */
	char *label;			/* as written, NULL for none */
	struct scio_buf text;
	long speaker;			/* index into the cast's speakers, or -1 */
	int qa;
};

struct scio_turns {
	struct scio_turn *t;
	size_t n, cap;
};

/* What is known of the conference's people: the participants, and every
 * speaker the turns name, each once. */
struct scio_cast {
	struct scio_speaker *sp;
	const struct scio_person **person;	/* the participant, or NULL */
	size_t n, cap;
	struct scio_strmap by_name;	/* lower-case name -> index + 1 */
	struct scio_strmap by_surname;	/* lower-case surname -> index + 1,
					 * or AMBIGUOUS */
	struct scio_strmap labels;	/* labels seen alone or marked up */
};

/* Cuts conference c into turns ts (zeroed here) and decides roles; cast
 * holds its speakers. Free both with scio_turns_free. */
void scio_turns_build(const struct scio_conf *c, struct scio_turns *ts,
    struct scio_cast *cast);

void scio_turns_free(struct scio_turns *ts, struct scio_cast *cast);

/* The role of a turn as records spell it ("chair", "official", "media",
 * "other"). */
const char *scio_turn_role(const struct scio_turn *t, const struct scio_cast *cast);

/* The participant a label names (the full name, with or without an
 * honorific, or a surname alone when only one person has it): an index
 * into the cast, or -1. */
long scio_cast_participant(const struct scio_cast *cast, const char *label, size_t n);

#endif
