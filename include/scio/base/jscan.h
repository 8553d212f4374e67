/* jscan.h: a validating scanner for one JSON Lines record, for the hot
 * read path of the filters (scio-grep, scio-fmt).
 *
 * It checks that a line is one well-formed JSON object with valid UTF-8,
 * accepting exactly the lines jansson's json_loadb(line, len, 0, ...)
 * accepts (same depth limit, same integer and real range rules, no NUL in
 * strings, duplicate keys allowed with the last one winning), and records
 * where each top-level member's key and value lie in the line without
 * building a tree. Strings are decoded only when asked. */
#ifndef SCIO_JSCAN_H
#define SCIO_JSCAN_H

#include <stddef.h>

#include "scio/base/alloc.h"

enum scio_jtype {
	SCIO_JNULL,
	SCIO_JFALSE,
	SCIO_JTRUE,
	SCIO_JNUMBER,
	SCIO_JSTRING,
	SCIO_JARRAY,
	SCIO_JOBJECT,
};

/* One top-level member: spans point into the scanned line. key excludes
 * the quotes and is still escaped (key_escaped says whether it has any
 * backslash); val is the whole value's text (quotes included for a
 * string, brackets for an array or object). */
struct scio_jmember {
	const char *key;
	size_t keylen;
	int key_escaped;
	const char *val;
	size_t vallen;
	enum scio_jtype type;
};

/* The scanned top-level object of one line. Zero-initialise, reuse across
 * lines (its member array is kept), free with scio_jobj_free. */
struct scio_jobj {
	struct scio_jmember *m;
	size_t n;
	size_t cap;
	struct scio_buf tmp;	/* scratch for decoding escaped keys */
};

/* Why a line was refused: a message in jansson's spirit and the 1-based
 * column (in bytes) where the scanner stopped. */
struct scio_jerr {
	char text[160];
	size_t column;
};

/* Scans line[0..len) as one JSON object (whitespace around it allowed).
 * Returns 0 and fills obj, or -1 and fills err. */
int scio_jscan(const char *line, size_t len, struct scio_jobj *obj,
    struct scio_jerr *err);

/* Reading a scanned line's members (lib/base/jvalue.c). */

/* The member named key (unescaped name, as in "speaker"), or NULL. When a
 * key repeats, the last one is returned, as jansson keeps. Borrowed. */
const struct scio_jmember *scio_jobj_get(struct scio_jobj *obj, const char *key);

/* Appends the decoded text of a string value (the span includes its
 * quotes) to out, without a terminating NUL counted in out->len. */
void scio_jstr_decode(const char *val, size_t vallen, struct scio_buf *out);

/* Whether a scanned value is a JSON integer, and its value. Returns 0 if
 * the member is not an integer (a real, or not a number). */
int scio_jint(const struct scio_jmember *m, long long *out);

/* Frees what obj holds and zeroes it. */
void scio_jobj_free(struct scio_jobj *obj);

#endif
