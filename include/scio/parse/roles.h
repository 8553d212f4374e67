/* roles.h: deciding each speaker's role from the conversation.
 *
 * A role is decided once per speaker for the whole conference (all its
 * pages), never per turn: the participants block says it when it lists
 * the speaker; otherwise the conversation does. The chair opens, gives the
 * floor, calls the next question and never answers one; an official
 * answers or hands a question over; media asks and is answered. The
 * shape of a label (an outlet's words, a person's name) and the chairs'
 * phrases only weigh in beside that. */
#ifndef SCIO_ROLES_H
#define SCIO_ROLES_H

#include <stddef.h>

/* A speaker of the conference and what the conversation shows of them. */
struct scio_speaker {
	const char *name;	/* as the turns say it (borrowed) */
	int listed;		/* among the participants */
	int listed_chair;	/* listed as the chair */
	size_t turns;		/* how many turns they speak */
	size_t asks;		/* of those, how many ask */
	size_t answers;		/* turns right after another's question */
	size_t calls;		/* turns right before a question from the floor */
	size_t floor;		/* turns another speaker's turn follows */
	size_t named;		/* times another speaker names them */
	size_t chairs;		/* turns in the words chairs use */
	int first;		/* spoke the conference's first labelled turn */
	const char *role;	/* the decision: "chair", "official", "media" */
};

/* One turn as the roles pass sees it. */
struct scio_role_turn {
	long speaker;		/* index into the speakers, or -1 (no label) */
	const char *text;
	int asks;		/* the text asks (a question mark, a journalist's
				 * opening words) */
};

/* Fills each turn's asks (left 0 for a listed participant's, whose role
 * the participants block gives), each speaker's evidence and role. Linear in the
 * number of turns and the length of their text. A speaker named after
 * an honorific in another's turn ("Mr. Lin") counts as named, evidence
 * against being media. */
void scio_roles_decide(struct scio_speaker *sp, size_t nsp,
    struct scio_role_turn *turns, size_t nturns);

/* Whether the turn's text asks: a question mark, or the words journalists
 * open with (lexicon "asking"). */
int scio_text_asks(const char *text);

/* Whether the text uses the chairs' words (lexicon "chairing"). */
int scio_text_chairs(const char *text);

#endif
