/* state_line.c: one entry of the state file as its line of JSON, written
 * straight (a save writes every entry: a jansson object per entry cost
 * more than the rest of the save). */
#include <stdio.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/text.h"
#include "scio/fetch/state_impl.h"

/* Writes s as a JSON string (null for NULL), byte for byte as jansson
 * writes it compactly: '"', '\\' and control characters escaped, the
 * rest as it is; bytes that are not UTF-8 are first replaced as
 * scio_json_str_or_null replaces them.  A save writes every entry, so
 * this skips building a JSON object per entry. */
static void
put_json_str(FILE *fp, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	struct scio_buf fixed = {0};
	const char *run;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	if (!scio_utf8_valid(s, strlen(s))) {
		scio_utf8_sanitize(s, strlen(s), &fixed);
		s = scio_buf_str(&fixed);
	}
	putc('"', fp);
	for (run = s; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite(run, 1, (size_t)(s - run), fp);
		run = s + 1;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		}
		if (esc != NULL)
			fputs(esc, fp);
		else
			fprintf(fp, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
	}
	fwrite(run, 1, (size_t)(s - run), fp);
	putc('"', fp);
	scio_buf_free(&fixed);
}

void
scio_state_put_line(FILE *fp, const struct scio_state_entry *e)
{
	fputs("{\"url\":", fp);
	put_json_str(fp, e->url);
	fputs(",\"etag\":", fp);
	put_json_str(fp, e->etag);
	fputs(",\"last_modified\":", fp);
	put_json_str(fp, e->last_modified);
	fputs(",\"hash\":", fp);
	put_json_str(fp, e->hash);
	fputs(",\"fetched_at\":", fp);
	put_json_str(fp, e->fetched_at);
	if (e->pages > 0)
		fprintf(fp, ",\"pages\":%ld", e->pages);
	if (e->robots != NULL) {
		fputs(",\"robots\":", fp);
		put_json_str(fp, e->robots);
	}
	fputs("}\n", fp);
}
