/* fmt_csv.c: -f csv (RFC 4180) and -f tsv, one row per record, the
 * columns chosen by --fields. */
#include <string.h>

#include "scio/base/text.h"
#include "scio/fmt/fmt_impl.h"

/* --safe: whether a cell would be taken for a formula by a spreadsheet
 * (OWASP's list: = + - @, a tab, a carriage return first). */
static int
formula_like(const char *s, size_t n)
{
	return n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
}

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
	struct scio_buf *v;

	for (size_t i = 0; i < f->o.nfields; i++) {
		if (i > 0)
			scio_buf_addc(&f->out, csv ? ',' : '\t');
		scio_buf_reset(&f->tmp);
		v = &f->tmp;
		if (f->o.safe)
			scio_buf_addc(&f->tmp, '\'');	/* taken away if not needed */
		scio_frec_get(r, f->o.fields[i], &f->tmp);
		if (f->o.safe && !formula_like(f->tmp.s + 1, f->tmp.len - 1)) {
			memmove(f->tmp.s, f->tmp.s + 1, f->tmp.len);
			f->tmp.len--;
		}
		if (f->o.defang) {
			/* CSV keeps its line breaks in quotes; TSV escapes them */
			scio_buf_reset(&f->tmp2);
			scio_text_defang(&f->tmp2, scio_buf_str(&f->tmp), f->tmp.len, 1);
			v = &f->tmp2;
		}
		(csv ? csv_cell : tsv_cell)(&f->out, scio_buf_str(v), v->len);
	}
	end_row(f);
}
