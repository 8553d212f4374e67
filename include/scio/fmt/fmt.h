/* fmt.h: turning records into text, Markdown, CSV, TSV, HTML, pretty JSON
 * or a template's lines (scio-fmt's machinery). */
#ifndef SCIO_FMT_H
#define SCIO_FMT_H

#include <stddef.h>
#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/jscan.h"

/* One record as the formatters see it: either a scanned line (obj, with
 * the line's text) or a jansson object (json, borrowed), never both. A
 * record may have a parent whose fields show through where its own are
 * missing: a doc record's turn sees the conference's doc, title, date. */
struct scio_frec {
	struct scio_jobj *obj;
	const char *line;
	size_t len;
	json_t *json;
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

/* The field as an integer: 1 and *v set when it is one, else 0. */
int scio_frec_int(const struct scio_frec *r, const char *key, long long *v);

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

/* Highlighted spans of a text, in bytes: from a "matches" field of
 * [start, end) code point offsets into the text, as scio-grep --mark
 * writes them. Sorted, merged where they overlap, clipped to the text. */
struct scio_span {
	size_t start, end;
};

struct scio_marks {
	struct scio_span *v;
	size_t n, cap;
};

/* Fills m (emptying it first) from r's "matches" field for the field
 * named field ("matches_field", default "text"), whose decoded value is
 * text[0..len). A malformed "matches" is ignored: no span. */
void scio_marks_load(struct scio_marks *m, const struct scio_frec *r,
    const char *field, const char *text, size_t len);
void scio_marks_free(struct scio_marks *m);

/* Appends text[start..end) to out through esc (which escapes plain text
 * for the output format), with on and off around the marked parts: a span
 * crossing the segment's edges is closed at the end and reopened at the
 * start, so each line or paragraph stands alone. */
typedef void scio_esc_fn(struct scio_buf *out, const char *s, size_t n);
void scio_marks_emit(struct scio_buf *out, const char *text, size_t start,
    size_t end, const struct scio_marks *m, scio_esc_fn *esc, const char *on,
    const char *off);

/* The output formats. */
enum scio_fmt_kind {
	SCIO_FMT_TEXT,
	SCIO_FMT_MD,
	SCIO_FMT_CSV,
	SCIO_FMT_TSV,
	SCIO_FMT_HTML,
	SCIO_FMT_JSON,
	SCIO_FMT_TEMPLATE,
};

struct scio_fmt_opts {
	enum scio_fmt_kind kind;
	size_t width;		/* text: columns to wrap to; 0 = no wrapping */
	int colour;		/* text: use terminal colour and bold */
	int header;		/* csv, tsv: write the header row */
	const char *const *fields; /* csv, tsv: the columns, in order */
	size_t nfields;
	const char *template;	/* -t: the template's source */
	int bom;		/* csv, tsv: start with a UTF-8 byte order mark */
	int safe;		/* csv, tsv: neutralise cells a spreadsheet would
				 * run as a formula (= + - @ tab CR first) */
	int defang;		/* csv, tsv, template: control characters of
				 * field values shown as symbols (a terminal) */
};

/* Appends s[0..n) to out with its control characters (C0 but tab and,
 * when keep_nl, newline; DEL; C1) replaced by visible symbols (U+2400 +
 * the code, U+2421, U+FFFD), so that text from a page cannot drive the
 * terminal it is shown on. */
void scio_fmt_defang(struct scio_buf *out, const char *s, size_t n, int keep_nl);

/* The default columns of csv and tsv. */
extern const char *const scio_fmt_default_fields[];

/* Whether name is a field of some record type in the schema. */
int scio_fmt_known_field(const char *name);

/* The field of the schema nearest to an unknown name (a likely typo), or
 * NULL: for "did you mean". */
const char *scio_fmt_field_near(const char *name);

/* Ends the program with a usage error for an unknown field name given to
 * the option what, with the nearest known one. */
void scio_fmt_unknown_field(const char *name, const char *what) SCIO_NORETURN;

/* The name of a format as -f takes it, or -1 for an unknown one. */
int scio_fmt_kind_from_name(const char *name);

struct scio_fmt;

/* A formatter writing to stdout. A template or field list that does not
 * hold up ends the program with a usage error naming the fault. */
struct scio_fmt *scio_fmt_new(const struct scio_fmt_opts *opts);

/* Whether the formatter needs a jansson tree of each record (json), of
 * doc records only (docs carry nested arrays), or never. */
int scio_fmt_wants_tree(const struct scio_fmt *f, const char *type,
    size_t typelen);

/* Formats one record; type is its "type" string (NULL when it has none). */
void scio_fmt_record(struct scio_fmt *f, const struct scio_frec *r,
    const char *type);

/* Ends the output (closing groups, the page, ...) and frees f. */
void scio_fmt_finish(struct scio_fmt *f);

#endif
