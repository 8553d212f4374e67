/* jsonl.h: reading input line by line, and writing JSON Lines to stdout. */
#ifndef SCIO_JSONL_H
#define SCIO_JSONL_H

#include <stdio.h>
#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/base/jscan.h"

/* One input file (or stdin for "-"), read a line at a time. Lines may be
 * of any length; the newline, and a carriage return before it, are cut. */
struct scio_input {
	const char *name;	/* as messages name it: the path, or "(standard input)" */
	struct scio_incheck *check;	/* what was wrong with it so far */
	FILE *fp;
	size_t lineno;		/* of the line last read, from 1 */
	char *line;		/* the line last read, NUL-terminated */
	size_t len;
	size_t cap;
};

/* Bad lines are reported one by one up to this many per input, then
 * counted and summed up in one line when it is closed. */
#define SCIO_BAD_LINES_SHOWN 10

/* Opens path ("-" for stdin). On failure reports it (status 2) and
 * returns -1. A directory is refused here rather than at the first read. */
int scio_input_open(struct scio_input *in, const char *path);

/* Reads the next line: 1 when one was read, 0 at the end, -1 after a read
 * error (reported, status 2). A UTF-8 byte order mark on line 1 is cut. */
int scio_input_next(struct scio_input *in);

void scio_input_close(struct scio_input *in);

/* Marks in as input to a reader of turn and doc records (scio-grep,
 * scio-fmt), which then names input of the wrong kind once, with the fix:
 * HTML ("looks like HTML: run scio-parse on it first", and the rest of
 * the input is skipped), and page records with no turn or doc record
 * among them (said when it is closed). */
void scio_input_want_records(struct scio_input *in);

/* Counts the record just scanned for the checks above. */
void scio_input_note(struct scio_input *in, struct scio_jobj *obj);

/* Reports the current line as bad ("prog: FILE:LINE: message", status 2),
 * or only counts it once SCIO_BAD_LINES_SHOWN were reported. */
void scio_input_bad(const struct scio_input *in, const char *fmt, ...)
	SCIO_PRINTF(2, 3);

/* With on, a file that cannot be opened or read is not named (grep -s);
 * the run's status is still 2. */
void scio_input_quiet(int on);

/* Whether the line holds only spaces, tabs and carriage returns. */
int scio_line_is_blank(const char *s, size_t n);

/* Parses the current line as one JSON object. Returns a new reference, or
 * NULL after reporting "FILE:LINE: ..." (status 2) for a line that is not
 * valid JSON or not an object. */
json_t *scio_record_load(const struct scio_input *in);

/* Reads a whole file into b (replacing what it held). Returns 0, or -1
 * after reporting the error (status 2). */
int scio_read_file(const char *path, struct scio_buf *b);

/* Writes one record compactly, in field order, followed by a newline. */
void scio_record_write(const json_t *rec);

/* A JSON string of s, or null when s is NULL: a new reference. Bytes that
 * are not UTF-8 (a server's ETag may hold any) are replaced rather than
 * losing the field. */
json_t *scio_json_str_or_null(const char *s);

/* Writes bytes to stdout. A full disk or other write error ends the program
 * with status 2; a closed pipe ends it quietly. */
void scio_out_write(const void *p, size_t n);

/* Sends what scio_out_write is given to fn instead of stdout (NULL: back to
 * stdout); what fn itself writes with scio_out_write goes to stdout. For a
 * program that shows its records another way (scio-grep on a terminal). */
typedef void scio_out_hook(void *arg, const char *p, size_t n);
void scio_out_divert(scio_out_hook *fn, void *arg);

/* Flushes stdout, with the same error handling; for programs that must
 * know a record is out before they count it as done. */
void scio_out_flush(void);

/* Flushes and closes stdout at exit, checking for errors (sbase's fshut). */
void scio_out_close(void);

/* Uses a large stdout buffer; call before the first write. */
void scio_out_init(void);

#endif
