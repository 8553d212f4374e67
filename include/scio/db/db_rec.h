/* db_rec.h: one conference gathered from turn or doc records for scio-db
 * load, checked field by field; no database here (the fuzz harness
 * drives it alone). */
#ifndef SCIO_DB_REC_H
#define SCIO_DB_REC_H

#include <stddef.h>
#include <stdint.h>

#include "scio/base/alloc.h"
#include "scio/base/jscan.h"
#include "scio/base/jsonl.h"

/* A string in the conference's arena, or null. */
struct scio_db_str {
	size_t off, len;
	int null;
};

struct scio_db_turn {
	size_t lineno;		/* where the record was read */
	long long seq, page, qa;
	int has_page, has_qa;
	struct scio_db_str url, date, speaker, speaker_title, role, outlet, text;
};

struct scio_db_person {
	struct scio_db_str name, honorific, title;
	int chair;
};

/* Zero-initialise; reuse across conferences with scio_db_conf_reset. */
struct scio_db_conf {
	int active;		/* holds a conference */
	int is_doc;		/* from a doc record (else turn records) */
	const char *file;	/* borrowed: the input's name */
	size_t lineno;		/* of its first record */
	struct scio_buf doc;	/* the conference id, NUL-terminated */
	struct scio_buf arena;
	struct scio_db_str title, date, url, urls, kind, time, place, published,
	    category, summary, source, zh_url, text;
	long long pages;
	int has_pages, has_participants, has_speaker_title;
	struct scio_db_turn *turns;
	size_t nturns, tcap;
	struct scio_db_person *parts;
	size_t nparts, pcap;
	uint64_t header_hash;	/* a doc record's bytes */
	struct scio_buf tmp;
};

/* Whether the scanned doc member (a string) names c's conference. */
int scio_db_conf_same_doc(struct scio_db_conf *c, const struct scio_jmember *doc);

/* Adds the scanned turn record of in's current line to c (starting a
 * conference when c holds none). A field of the wrong type is reported
 * (FILE:LINE, status 2) and the record skipped. */
void scio_db_conf_add_turn(struct scio_db_conf *c, struct scio_jobj *obj,
    const struct scio_input *in);

/* Fills c (which must hold nothing) from the doc record on in's current
 * line, or reports why it cannot and leaves c empty. */
void scio_db_conf_from_doc(struct scio_db_conf *c, const struct scio_input *in);

/* A hash of the turns' content, the same whichever records brought them. */
uint64_t scio_db_conf_turns_hash(const struct scio_db_conf *c);

/* Derives what turn records leave implicit: the first url, every url in
 * page order (as a JSON array) and the page count. */
void scio_db_conf_finish(struct scio_db_conf *c);

void scio_db_conf_reset(struct scio_db_conf *c);
void scio_db_conf_free(struct scio_db_conf *c);

#endif
