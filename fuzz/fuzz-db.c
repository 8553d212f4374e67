/* fuzz-db: what scio-db load reads from outside, the turn and doc records
 * (lib/db/db_rec.c), without a database.  Input: JSON Lines, each line a
 * record as a load would see it.  Checks: every turn gathered has a seq
 * from 0 and a text, every string lies inside the arena and ends there
 * with a NUL, and the content hash is the same when taken twice. */
#include <string.h>

#include "scio/db/db_rec.h"
#include "scio/base/jscan.h"
#include "scio/base/jsonl.h"
#include "fuzz.h"

static void
check_str(const struct scio_db_conf *c, struct scio_db_str s)
{
	if (s.null)
		return;
	FUZZ_CHECK(s.off + s.len < c->arena.len, "a string inside the arena");
	FUZZ_CHECK(c->arena.s[s.off + s.len] == '\0', "a string ends with a NUL");
}

static void
check_conf(struct scio_db_conf *c)
{
	uint64_t h;

	if (!c->active)
		return;
	FUZZ_CHECK(c->doc.len > 0, "a conference has an id");
	for (size_t i = 0; i < c->nturns; i++) {
		const struct scio_db_turn *t = &c->turns[i];

		FUZZ_CHECK(t->seq >= 0, "seq from 0");
		FUZZ_CHECK(!t->text.null, "a turn has a text");
		check_str(c, t->url);
		check_str(c, t->date);
		check_str(c, t->speaker);
		check_str(c, t->speaker_title);
		check_str(c, t->role);
		check_str(c, t->outlet);
		check_str(c, t->text);
	}
	for (size_t i = 0; i < c->nparts; i++) {
		check_str(c, c->parts[i].name);
		check_str(c, c->parts[i].honorific);
		check_str(c, c->parts[i].title);
	}
	h = scio_db_conf_turns_hash(c);
	scio_db_conf_finish(c);
	check_str(c, c->url);
	check_str(c, c->urls);
	check_str(c, c->title);
	FUZZ_CHECK(h == scio_db_conf_turns_hash(c), "the hash does not change");
	scio_db_conf_reset(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scio_jobj obj;
	static struct scio_db_conf conf, dconf;
	static int ready;
	struct scio_input in;
	struct scio_buf type = {0};
	const char *p = (const char *)data, *end = p + size;

	if (!ready) {
		scio_db_conf_reset(&conf);
		scio_db_conf_reset(&dconf);
		ready = 1;
	}
	if (size > 65536)
		return 0;
	memset(&in, 0, sizeof(in));
	in.name = "fuzz";
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct scio_jerr err;
		const struct scio_jmember *t, *doc;

		in.line = scio_strndup(p, n);
		in.len = n;
		in.lineno++;
		p += n + 1;
		if (memchr(in.line, '\0', n) != NULL ||
		    scio_jscan(in.line, in.len, &obj, &err) < 0)
			goto next;
		t = scio_jobj_get(&obj, "type");
		scio_buf_reset(&type);
		if (t != NULL && t->type == SCIO_JSTRING)
			scio_jstr_decode(t->val, t->vallen, &type);
		if (strcmp(scio_buf_str(&type), "turn") == 0) {
			doc = scio_jobj_get(&obj, "doc");
			if (doc == NULL || doc->type != SCIO_JSTRING || doc->vallen <= 2)
				goto next;
			if (conf.active && !scio_db_conf_same_doc(&conf, doc))
				check_conf(&conf);
			scio_db_conf_add_turn(&conf, &obj, &in);
		} else if (strcmp(scio_buf_str(&type), "doc") == 0) {
			scio_db_conf_from_doc(&dconf, &in);
			check_conf(&dconf);
		}
next:
		free(in.line);
	}
	check_conf(&conf);
	scio_buf_free(&type);
	return 0;
}
