/* fmt_csv.c: -f csv (RFC 4180) and -f tsv, one row per record, the
 * columns chosen by --fields. */
#include <string.h>

#include "scio/fmt_impl.h"

/* A CSV cell: quoted when it holds a quote, comma, CR or LF, with quotes
 * doubled. */
static void
csv_cell(struct scio_buf *out, const char *s, size_t n)
{
	size_t i, run;

	if (n == 0 || strcspn(s, "\",\r\n") >= n) {
		scio_buf_add(out, s, n);
		return;
	}
	scio_buf_addc(out, '"');
	for (i = run = 0; i < n; i++) {
		if (s[i] != '"')
			continue;
		scio_buf_add(out, s + run, i + 1 - run);
		scio_buf_addc(out, '"');
		run = i + 1;
	}
	scio_buf_add(out, s + run, n - run);
	scio_buf_addc(out, '"');
}

/* A TSV cell, escaped as jq's @tsv does: backslash, tab, newline and
 * carriage return as \\ \t \n \r. */
static void
tsv_cell(struct scio_buf *out, const char *s, size_t n)
{
	size_t i = 0, k;

	/* s is NUL-terminated and holds no NUL (JSON strings cannot). */
	while ((k = strcspn(s + i, "\\\t\n\r")) < n - i) {
		const char *e = s[i + k] == '\\' ? "\\\\" :
		    s[i + k] == '\t' ? "\\t" : s[i + k] == '\n' ? "\\n" : "\\r";

		scio_buf_add(out, s + i, k);
		scio_buf_add(out, e, 2);
		i += k + 1;
	}
	scio_buf_add(out, s + i, n - i);
}

static void
end_row(struct scio_fmt *f)
{
	if (f->o.kind == SCIO_FMT_CSV)
		scio_buf_add(&f->out, "\r\n", 2);
	else
		scio_buf_addc(&f->out, '\n');
}

void
scio_fmt_csv_header(struct scio_fmt *f)
{
	int csv = f->o.kind == SCIO_FMT_CSV;

	for (size_t i = 0; i < f->o.nfields; i++) {
		const char *name = f->o.fields[i];

		if (i > 0)
			scio_buf_addc(&f->out, csv ? ',' : '\t');
		(csv ? csv_cell : tsv_cell)(&f->out, name, strlen(name));
	}
	end_row(f);
}

void
scio_fmt_csv_row(struct scio_fmt *f, const struct scio_frec *r)
{
	int csv = f->o.kind == SCIO_FMT_CSV;

	for (size_t i = 0; i < f->o.nfields; i++) {
		if (i > 0)
			scio_buf_addc(&f->out, csv ? ',' : '\t');
		scio_buf_reset(&f->tmp);
		scio_frec_get(r, f->o.fields[i], &f->tmp);
		(csv ? csv_cell : tsv_cell)(&f->out, scio_buf_str(&f->tmp),
		    f->tmp.len);
	}
	end_row(f);
}
