/* Unit tests for the edges of the roles pass: turns with no speaker, and
 * the turns of a listed participant, which are not read for questions. */
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/parse/roles.h"
#include "check.h"

/* A conference with no label at all has no speakers (turns.c passes a
 * NULL array): every turn is still read for questions, nothing else. */
static void
test_no_speakers(void)
{
	struct scio_role_turn t[] = {
		{-1, "Good afternoon, and welcome.", 1},
		{-1, "What will the new rules cost?", 0},
	};

	scio_roles_decide(NULL, 0, t, LEN(t));
	CHECK(t[0].asks == 0, "an unlabelled statement does not ask");
	CHECK(t[1].asks == 1, "an unlabelled question asks");
}

/* Unlabelled turns between labelled ones neither count for a speaker
 * nor hide who speaks next; a listed participant's question mark is not
 * read. */
static void
test_unlabelled_and_listed(void)
{
	struct scio_speaker sp[2] = {
		{.name = "Wen Lihua", .listed = 1, .listed_chair = 1},
		{.name = "Lianhe Zaobao"},
	};
	struct scio_role_turn t[] = {
		{0, "Welcome. Any questions?", 1},
		{-1, "(Applause)", 1},
		{1, "Will the new rules apply to small firms?", 0},
		{0, "Next?", 1},
	};

	scio_roles_decide(sp, LEN(sp), t, LEN(t));
	CHECK(t[0].asks == 0 && t[3].asks == 0, "a listed participant's turn is not read");
	CHECK(t[1].asks == 0, "an unlabelled turn without a question does not ask");
	CHECK(t[2].asks == 1, "a speaker no list knows is read for questions");
	CHECK(sp[0].turns == 2 && sp[1].turns == 1, "only labelled turns count");
	CHECK(sp[0].floor == 0 && sp[1].floor == 1,
	    "the floor passes from one labelled turn to the next only");
	CHECK(strcmp(sp[0].role, "chair") == 0, "the listed chair chairs");
	CHECK(strcmp(sp[1].role, "media") == 0, "who only asks and is listed nowhere is media");
}

int
main(void)
{
	test_no_speakers();
	test_unlabelled_and_listed();
	return CHECK_DONE();
}
