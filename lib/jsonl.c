/* jsonl.c: line input with file and line numbers, and checked output. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "scio/diag.h"
#include "scio/jsonl.h"

int
scio_input_open(struct scio_input *in, const char *path)
{
	struct stat st;

	memset(in, 0, sizeof(*in));
	if (strcmp(path, "-") == 0) {
		in->name = "(standard input)";
		in->fp = stdin;
		return 0;
	}
	in->name = path;
	in->fp = fopen(path, "rb");
	if (in->fp == NULL) {
		scio_warn_errno("%s", path);
		scio_set_status(SCIO_EXIT_ERROR);
		return -1;
	}
	if (fstat(fileno(in->fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		scio_warn("%s: is a directory", path);
		scio_set_status(SCIO_EXIT_ERROR);
		fclose(in->fp);
		in->fp = NULL;
		return -1;
	}
	return 0;
}

int
scio_input_next(struct scio_input *in)
{
	ssize_t n;

	errno = 0;
	n = getline(&in->line, &in->cap, in->fp);
	if (n < 0) {
		if (errno == ENOMEM) {
			/* not the end: a line too long for the memory there is */
			scio_bad_input(in->name, in->lineno + 1, "line too long "
			    "for the memory available");
			scio_set_status(SCIO_EXIT_ERROR);
			return -1;
		}
		if (ferror(in->fp)) {
			scio_warn_errno("%s: read error", in->name);
			scio_set_status(SCIO_EXIT_ERROR);
			return -1;
		}
		return 0;
	}
	in->lineno++;
	if (n > 0 && in->line[n - 1] == '\n')
		n--;
	if (n > 0 && in->line[n - 1] == '\r')
		n--;
	in->line[n] = '\0';
	if (in->lineno == 1 && n >= 3 && memcmp(in->line, "\xEF\xBB\xBF", 3) == 0) {
		memmove(in->line, in->line + 3, (size_t)n - 2);
		n -= 3;
	}
	in->len = (size_t)n;
	return 1;
}

void
scio_input_close(struct scio_input *in)
{
	if (in->fp && in->fp != stdin)
		fclose(in->fp);
	free(in->line);
	memset(in, 0, sizeof(*in));
}

int
scio_line_is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

json_t *
scio_record_load(const struct scio_input *in)
{
	json_error_t err;
	json_t *v;

	v = json_loadb(in->line, in->len, 0, &err);
	if (v == NULL) {
		scio_bad_input(in->name, in->lineno, "bad JSON at column %d: %s",
		    err.column, err.text);
		return NULL;
	}
	if (!json_is_object(v)) {
		scio_bad_input(in->name, in->lineno, "not a JSON object");
		json_decref(v);
		return NULL;
	}
	return v;
}

int
scio_read_file(const char *path, struct scio_buf *b)
{
	struct scio_input in;
	char chunk[65536];
	size_t n;

	scio_buf_reset(b);
	if (scio_input_open(&in, path) < 0)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), in.fp)) > 0)
		scio_buf_add(b, chunk, n);
	if (ferror(in.fp)) {
		scio_warn_errno("%s: read error", in.name);
		scio_set_status(SCIO_EXIT_ERROR);
		scio_input_close(&in);
		return -1;
	}
	scio_input_close(&in);
	scio_buf_grow(b, 0);
	return 0;
}
