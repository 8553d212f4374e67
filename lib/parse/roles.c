/* roles.c: the roles pass (roles.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/record/record.h"
#include "scio/parse/label.h"
#include "scio/parse/lexicon.h"
#include "scio/parse/roles.h"
#include "scio/base/strmap.h"
#include "scio/base/text.h"

int
scio_text_asks(const char *text)
{
	const char *end;
	char *first;
	int asks;

	if (strchr(text, '?') || strstr(text, "\xEF\xBC\x9F"))
		return 1;
	/* the words a journalist opens with stand in the first paragraph */
	end = strstr(text, "\n\n");
	if (end == NULL)
		return scio_lex_within(scio_lex_asking, text);
	first = scio_strndup(text, (size_t)(end - text));
	asks = scio_lex_within(scio_lex_asking, first);
	free(first);
	return asks;
}

int
scio_text_chairs(const char *text)
{
	return scio_lex_within(scio_lex_chairing, text);
}

/* Speakers by the word they are addressed by after an honorific: the
 * surname ("Mr. Lin", "Ms. Xu") and the whole name. A word two speakers
 * share names neither. */
static void
index_names(struct scio_strmap *by, struct scio_speaker *sp, size_t nsp)
{
	static char ambiguous;

	for (size_t i = 0; i < nsp; i++) {
		const char *name = sp[i].name + scio_honorific_len(sp[i].name);
		size_t sn = strcspn(name, " ");
		char *k[2];

		/* the participants' roles are known; outlets are not
		 * addressed so */
		if (sp[i].listed || !scio_name_like(sp[i].name, strlen(sp[i].name)))
			continue;
		k[0] = scio_strndup_lower(name, sn);
		k[1] = scio_strndup_lower(name, strlen(name));
		for (int j = 0; j < 2; j++) {
			void *old = scio_strmap_get(by, k[j]);

			if (old == NULL)
				scio_strmap_put(by, k[j], &sp[i]);
			else if (old != &sp[i])
				scio_strmap_put(by, k[j], &ambiguous);
			free(k[j]);
		}
	}
	(void)ambiguous;
}

/* Counts, for each speaker, the times a turn of another names them after
 * an honorific ("I give the floor to Mr. Lin", "ask Ms. Xu to take
 * this"). One walk over the text. */
static void
count_named(struct scio_speaker *sp, size_t nsp, const struct scio_role_turn *t,
    size_t nt)
{
	struct scio_strmap by = {0};

	index_names(&by, sp, nsp);
	for (size_t i = 0; i < nt && by.n > 0; i++) {
		const char *p = t[i].text;

		for (; *p; p++) {
			size_t h, w;
			char *k;
			struct scio_speaker *who;

			if (!isupper((unsigned char)*p) ||
			    (p != t[i].text && p[-1] != ' ' && p[-1] != '(' && p[-1] != '"'))
				continue;
			if ((h = scio_honorific_len(p)) == 0)
				continue;
			w = 0;
			while (isalpha((unsigned char)p[h + w]) || p[h + w] == '-')
				w++;
			if (w == 0)
				continue;
			k = scio_strndup_lower(p + h, w);
			who = scio_strmap_get(&by, k);
			free(k);
			if (who >= sp && who < sp + nsp && (t[i].speaker < 0 ||
			    &sp[t[i].speaker] != who))
				who->named++;
			p += h + w - 1;
		}
	}
	scio_strmap_free(&by);
}

/* Whether speaker s is media: an outlet's name weighs for it, a person's
 * against; asking every time weighs for it; answering or being named by
 * others (people are handed questions, outlets are not) against. */
static int
is_media(const struct scio_speaker *s)
{
	size_t n = strlen(s->name);
	int score = 0;

	if (s->listed)
		return 0;
	if (scio_outlet_like(s->name, n) && !scio_name_like(s->name, n))
		score += 2;
	else if (scio_name_like(s->name, n))
		score -= 2;
	if (s->turns > 0 && s->asks == s->turns)
		score += 3;
	if (s->answers > 0)
		score -= 3;
	if (s->named > 0)
		score -= 3;
	return score > 0;
}

/* How strongly the conversation makes a person the chair: opening the
 * conference, giving the floor to questions, the chairs' words as a
 * tie-breaker. One who answers a question is not the chair. */
static int
chair_score(const struct scio_speaker *s)
{
	if (s->answers > 0 || s->floor == 0)
		return 0;	/* answers, or gives the floor to nobody */
	return 4 * s->first + 2 * (int)s->calls + (s->chairs > 0) - (s->named > 0);
}

/* A turn's speaker is -1 (no label) or below nsp: turns.c adds a speaker
 * for every label before it numbers a turn, so sp is NULL only when no
 * turn has a speaker. */
void
scio_roles_decide(struct scio_speaker *sp, size_t nsp,
    struct scio_role_turn *t, size_t nt)
{
	int chair_known = 0, first_done = 0;
	long best = -1;

	for (size_t i = 0; i < nt; i++) {
		struct scio_speaker *s;

		/* a turn with no label has no speaker to count */
		if (t[i].speaker < 0) {
			t[i].asks = scio_text_asks(t[i].text);
			continue;
		}
		s = &sp[t[i].speaker];
		/* a listed person's role is known: their (long) turns need
		 * not be read for questions */
		t[i].asks = s->listed ? 0 : scio_text_asks(t[i].text);
		s->turns++;
		s->asks += t[i].asks;
		if (i + 1 < nt && t[i + 1].speaker >= 0 && t[i + 1].speaker != t[i].speaker)
			s->floor++;
		if (!first_done) {
			s->first = 1;
			first_done = 1;
		}
	}
	count_named(sp, nsp, t, nt);
	for (size_t i = 0; i < nsp; i++) {
		chair_known |= sp[i].listed_chair;
		sp[i].role = NULL;
		if (is_media(&sp[i]))
			sp[i].role = SCIO_ROLE_MEDIA;
	}
	/* questions from the floor: who answered them, who called them */
	for (size_t i = 0; i < nt; i++) {
		int from_floor = t[i].asks && (t[i].speaker < 0 ||
		    sp[t[i].speaker].role != NULL);

		if (!from_floor)
			continue;
		if (i + 1 < nt && t[i + 1].speaker >= 0 && t[i + 1].speaker != t[i].speaker)
			sp[t[i + 1].speaker].answers++;
		if (i > 0 && t[i - 1].speaker >= 0 && t[i - 1].speaker != t[i].speaker &&
		    sp[t[i - 1].speaker].role == NULL)
			sp[t[i - 1].speaker].calls++;
	}
	/* the chairs' words, a tie-breaker, for those who may chair */
	for (size_t i = 0; i < nt && !chair_known; i++) {
		struct scio_speaker *s;

		if (t[i].speaker < 0)
			continue;
		s = &sp[t[i].speaker];
		if (s->role == NULL && !s->listed && s->answers == 0 && s->floor > 0 &&
		    s->chairs == 0)
			s->chairs = scio_text_chairs(t[i].text) != 0;
	}
	for (size_t i = 0; i < nsp && !chair_known; i++)
		if (sp[i].role == NULL && !sp[i].listed && chair_score(&sp[i]) > 0 &&
		    (best < 0 || chair_score(&sp[i]) > chair_score(&sp[best])))
			best = (long)i;
	for (size_t i = 0; i < nsp; i++) {
		if (sp[i].listed)
			sp[i].role = sp[i].listed_chair ? SCIO_ROLE_CHAIR : SCIO_ROLE_OFFICIAL;
		else if (sp[i].role == NULL)
			sp[i].role = (long)i == best ? SCIO_ROLE_CHAIR : SCIO_ROLE_OFFICIAL;
	}
}
