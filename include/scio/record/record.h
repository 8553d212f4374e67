/* record.h: one view of a record, whether it came scanned (scio_jscan: a
 * line and where its members lie) or decoded (a jansson tree), and the
 * schema's names: its fields and its roles.
 *
 * Every program and library part that reads a field of a record goes
 * through here, so that a string, an integer or a nested value reads the
 * same from a line as from a tree. */
#ifndef SCIO_RECORD_H
#define SCIO_RECORD_H

#include <stddef.h>
#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/base/jscan.h"

/* One record: either a scanned line (obj, with the line's text) or a
 * jansson object (json, borrowed), never both. A record may have a parent
 * whose fields show through where its own are missing: a doc record's
 * turn sees the conference's doc, title, date. */
struct scio_frec {
	struct scio_jobj *obj;
	const char *line;
	size_t len;
	const json_t *json;
	const struct scio_frec *parent;
	const char *type;	/* the "type" to report when set (a doc's turn) */
};

enum scio_ftype {
	SCIO_F_MISSING,
	SCIO_F_NULL,
	SCIO_F_STRING,
	SCIO_F_INT,
	SCIO_F_OTHER,		/* true, false, a real, an array, an object */
};

/* Appends the value of a top-level field to out: a string decoded, an
 * integer in decimal, anything else as compact JSON text; nothing for a
 * null or missing field. Returns what the field held. */
enum scio_ftype scio_frec_get(const struct scio_frec *r, const char *key,
    struct scio_buf *out);

/* A string field, decoded into out (emptied first, NUL-terminated): 1 when
 * the field is a string, else 0 with out empty. */
int scio_frec_str(const struct scio_frec *r, const char *key, struct scio_buf *out);

/* The field as an integer: 1 and *v set when it is one, else 0. */
int scio_frec_int(const struct scio_frec *r, const char *key, long long *v);

/* A scalar field as the conditions of a filter see it: a string's text, or
 * the JSON text of a number, true, false or null (a real of a tree as
 * %.17g writes it). s is borrowed from the record or from buf. */
struct scio_fval {
	const char *s;
	size_t n;
	int is_string;
};

/* The field's scalar value into v: 1, or 0 when it is missing, an array
 * or an object. A scanned string is decoded (into buf) only when it holds
 * an escape. */
int scio_frec_scalar(const struct scio_frec *r, const char *key,
    struct scio_buf *buf, struct scio_fval *v);

/* The same for one scanned member. */
int scio_jmember_scalar(const struct scio_jmember *m, struct scio_buf *buf,
    struct scio_fval *v);

/* The field's JSON text, appended to out as it stands in the line (a
 * scanned record) or as compact JSON (a tree): 1 when the field is there
 * and not null, else 0 and nothing appended. */
int scio_frec_raw(const struct scio_frec *r, const char *key, struct scio_buf *out);

/* The field's value as a jansson tree: a new reference, or NULL when the
 * field is missing or not valid JSON. */
json_t *scio_frec_tree(const struct scio_frec *r, const char *key);

/* Calls fn on each turn nested in a doc record, as a record whose parent
 * is the doc (its fields show through where the turn has none), with
 * people: the doc's speakers and chair, borrowed for the call. */
typedef void scio_doc_turn_fn(void *arg, const struct scio_frec *turn,
    const json_t *people);
void scio_frec_each_turn(const struct scio_frec *doc, scio_doc_turn_fn *fn, void *arg);

/* The whole record as compact JSON text, appended to out. */
void scio_frec_text(const struct scio_frec *r, struct scio_buf *out);

/* The string member key of a scanned object, decoded into out (emptied
 * first, NUL-terminated): 1 when it is a string, else 0 with out empty. */
int scio_jobj_str(struct scio_jobj *obj, const char *key, struct scio_buf *out);

/* A scanned string member decoded and appended to out (NUL-terminated,
 * the NUL not counted). */
void scio_jmember_str(const struct scio_jmember *m, struct scio_buf *out);

/* Whether a scanned record is a doc record with its turns: "type" "doc"
 * and a "turns" array. tmp is scratch. */
int scio_jobj_is_doc(struct scio_jobj *obj, struct scio_buf *tmp);

/* The schema (DESIGN.md). */

/* The roles of a speaker, NULL-terminated, and whether s is one. */
#define SCIO_ROLE_CHAIR "chair"
#define SCIO_ROLE_OFFICIAL "official"
#define SCIO_ROLE_MEDIA "media"
#define SCIO_ROLE_OTHER "other"
extern const char *const scio_roles[];
int scio_role_known(const char *s);

/* The default columns of a turn in a table (csv, tsv, the terminal). */
extern const char *const scio_default_fields[];

/* Whether name is a field of some record type in the schema. */
int scio_field_known(const char *name);

/* The field of the schema nearest to an unknown name (a likely typo), or
 * NULL: for "did you mean". */
const char *scio_field_near(const char *name);

/* Ends the program with a usage error for an unknown field name given to
 * the option what, with the nearest known one. */
void scio_field_unknown(const char *name, const char *what) SCIO_NORETURN;

/* A field name given to the option what: one of the schema's, or +NAME
 * for one outside it (returned without the +); a typo ends the run with
 * the nearest name. */
const char *scio_field_name(const char *name, const char *what);

#endif
