/* fmt.h: turning records into text, Markdown, CSV, TSV, HTML, pretty JSON
 * or a template's lines (scio-fmt's machinery). */
#ifndef SCIO_FMT_H
#define SCIO_FMT_H

#include <stddef.h>
#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/jscan.h"
#include "scio/record/record.h"

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

struct scio_xgroup;

/* Formats the records of one file ("-": standard input). Each line goes
 * through the validating scanner; only records that need a tree (doc
 * records, or every record for -f json) are loaded by jansson. With by
 * (--by exchange), turn and doc records go to the grouper instead. A bad
 * line is reported and skipped. */
void scio_fmt_file(struct scio_fmt *f, const char *path, struct scio_xgroup *by);

/* Splits LIST (comma-separated, written into) into o->fields, each name
 * checked against the schema (+NAME for one outside it): a bad list ends
 * the program with a usage error. Returns the array, which the caller
 * frees. */
const char **scio_fmt_fields(struct scio_fmt_opts *o, char *list);

/* Ends the output (closing groups, the page, ...) and frees f. */
void scio_fmt_finish(struct scio_fmt *f);

#endif
