/* stats_out.c: scio-stats' tables written out: aligned with a bar per row
 * for a terminal, TSV and CSV through scio-fmt's row writers, JSON Lines,
 * and Markdown; -f svg and -f html go to lib/stats/svg.c and lib/stats/stats_html.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/base/jwrite.h"
#include "scio/base/text.h"
#include "scio/fmt/fmt.h"
#include "scio/stats/stats.h"
#include "scio/base/width.h"

#define MAX_CELL 40		/* columns a text cell takes in a table */
#define NONE "(none)"

/* A cell as a person reads it: a share as a percentage, nothing as
 * "(none)", line breaks as spaces, other control characters as the
 * symbols scio-fmt shows (a table is for a terminal, never data). */
static void
human_cell(const struct scio_stab *t, size_t row, size_t col,
    struct scio_buf *out)
{
	struct scio_buf tmp = {0};
	size_t start = out->len;

	if (t->kind[col] == SCIO_SC_SHARE) {
		scio_buf_printf(out, "%.1f%%", t->rows[row].num[col] * 100);
		return;
	}
	scio_stab_cell(t, row, col, out);
	if (t->kind[col] == SCIO_SC_TEXT && t->rows[row].text[col] == NULL)
		scio_buf_adds(out, NONE);
	for (size_t i = start; i < out->len; i++)
		if (out->s[i] == '\n' || out->s[i] == '\t' || out->s[i] == '\r')
			out->s[i] = ' ';
	scio_text_defang(&tmp, out->s + start, out->len - start, 0);
	out->len = start;
	scio_buf_add(out, tmp.s, tmp.len);
	scio_buf_free(&tmp);
}

static double
max_bar(const struct scio_stab *t)
{
	double m = 0;

	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].num[t->bar] > m)
			m = t->rows[i].num[t->bar];
	return m;
}

/* A bar of v / max of width columns, in eighths of a block. */
static void
put_bar(struct scio_buf *out, double v, double max, size_t width, int ascii)
{
	static const char *const part[8] = {
		"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a",
		"\u2589",
	};
	size_t eighths;

	if (max <= 0 || v <= 0)
		return;
	eighths = (size_t)lround(v / max * (double)width * 8);
	if (eighths == 0)
		eighths = 1;	/* a value above 0 always shows */
	if (ascii) {
		for (size_t i = 0; i < (eighths + 4) / 8 || i == 0; i++)
			scio_buf_addc(out, '#');
		return;
	}
	for (size_t i = 0; i < eighths / 8; i++)
		scio_buf_adds(out, "\u2588");
	scio_buf_adds(out, part[eighths % 8]);
}

static void
pad(struct scio_buf *out, size_t n)
{
	while (n--)
		scio_buf_addc(out, ' ');
}

/* The cells of one row, cut to MAX_CELL columns, into cells[]. */
static void
row_cells(const struct scio_stab *t, size_t row, struct scio_buf *cells,
    int ascii)
{
	for (size_t k = 0; k < t->ncol; k++) {
		struct scio_buf *c = &cells[k];

		scio_buf_reset(c);
		if (row == (size_t)-1)
			scio_buf_adds(c, t->names[k]);
		else
			human_cell(t, row, k, c);
		if (scio_str_width(c->s, c->len) > MAX_CELL) {
			c->len = scio_str_cut(c->s, c->len, MAX_CELL - (ascii ? 3 : 1));
			scio_buf_adds(c, ascii ? "..." : "\u2026");
		}
	}
}

static void
write_table(const struct scio_stab *t, const struct scio_sout_opts *o)
{
	struct scio_buf *cells = scio_calloc(t->ncol, sizeof(*cells));
	size_t *w = scio_calloc(t->ncol, sizeof(*w)), used = 0, barw;
	struct scio_buf out = {0};
	double max = max_bar(t);

	for (size_t r = (size_t)-1; r == (size_t)-1 || r < t->nrows; r++) {
		row_cells(t, r, cells, o->ascii);
		for (size_t k = 0; k < t->ncol; k++) {
			size_t cw = scio_str_width(cells[k].s, cells[k].len);

			if (cw > w[k])
				w[k] = cw;
		}
	}
	for (size_t k = 0; k < t->ncol; k++)
		used += w[k] + 2;
	barw = o->width > used + 10 ? o->width - used : 10;
	if (barw > 50)
		barw = 50;
	for (size_t r = (size_t)-1; r == (size_t)-1 || r < t->nrows; r++) {
		row_cells(t, r, cells, o->ascii);
		for (size_t k = 0; k < t->ncol; k++) {
			size_t cw = scio_str_width(cells[k].s, cells[k].len);
			int right = t->kind[k] != SCIO_SC_TEXT;

			if (right)
				pad(&out, w[k] - cw);
			scio_buf_add(&out, cells[k].s, cells[k].len);
			if (!right && k + 1 < t->ncol)
				pad(&out, w[k] - cw);
			if (k + 1 < t->ncol)
				pad(&out, 2);
		}
		if (r != (size_t)-1) {
			pad(&out, 2);
			put_bar(&out, t->rows[r].num[t->bar], max, barw, o->ascii);
		}
		while (out.len && out.s[out.len - 1] == ' ')
			out.len--;
		scio_buf_addc(&out, '\n');
		scio_out_write(out.s, out.len);
		scio_buf_reset(&out);
	}
	for (size_t k = 0; k < t->ncol; k++)
		scio_buf_free(&cells[k]);
	free(cells);
	free(w);
	scio_buf_free(&out);
}

/* TSV and CSV go through scio-fmt's writers, so that both tools quote and
 * escape cells alike. */
static void
write_rows(const struct scio_stab *t, const struct scio_sout_opts *o)
{
	struct scio_fmt_opts fo = {0};
	struct scio_buf b = {0};
	struct scio_fmt *f;
	const char **cols = scio_reallocarray(NULL, t->ncol, sizeof(*cols));

	for (size_t k = 0; k < t->ncol; k++)
		cols[k] = t->names[k];
	fo.kind = o->fmt == SCIO_SF_CSV ? SCIO_FMT_CSV : SCIO_FMT_TSV;
	fo.header = o->header;
	fo.defang = o->defang;
	fo.fields = cols;
	fo.nfields = t->ncol;
	f = scio_fmt_new(&fo);
	for (size_t r = 0; r < t->nrows; r++) {
		struct scio_frec rec = {0};
		json_t *row = json_object();

		for (size_t k = 0; k < t->ncol; k++) {
			scio_buf_reset(&b);
			scio_stab_cell(t, r, k, &b);
			json_object_set_new(row, t->names[k],
			    t->kind[k] == SCIO_SC_TEXT && t->rows[r].text[k] == NULL ?
			    json_null() : json_stringn(scio_buf_str(&b), b.len));
		}
		rec.json = row;
		scio_fmt_record(f, &rec, "stats");
		json_decref(row);
	}
	scio_fmt_finish(f);
	scio_buf_free(&b);
	free(cols);
}

static void
write_json(const struct scio_stab *t)
{
	struct scio_buf line = {0};

	for (size_t r = 0; r < t->nrows; r++) {
		json_t *row = json_object(), *v;
		char *s;

		for (size_t k = 0; k < t->ncol; k++) {
			const struct scio_srow *w = &t->rows[r];

			if (t->kind[k] == SCIO_SC_TEXT)
				v = w->text[k] ? json_string(w->text[k]) : json_null();
			else if (t->kind[k] == SCIO_SC_INT)
				v = json_integer((json_int_t)w->num[k]);
			else
				v = json_real(round(w->num[k] * 1e6) / 1e6);
			json_object_set_new(row, t->names[k], v);
		}
		s = json_dumps(row, JSON_COMPACT | JSON_PRESERVE_ORDER |
		    JSON_REAL_PRECISION(10));
		if (s == NULL)
			scio_die(SCIO_EXIT_ERROR, "cannot encode a row as JSON");
		scio_buf_reset(&line);
		scio_buf_adds(&line, s);
		scio_jw_escape_c1(&line, 0);
		scio_buf_addc(&line, '\n');
		scio_out_write(line.s, line.len);
		free(s);
		json_decref(row);
	}
	scio_buf_free(&line);
}

/* A Markdown table cell: pipes and backslashes escaped. */
static void
md_cell(struct scio_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '|' || s[i] == '\\' || s[i] == '*' || s[i] == '_' ||
		    s[i] == '`' || s[i] == '<' || s[i] == '[')
			scio_buf_addc(out, '\\');
		scio_buf_addc(out, s[i]);
	}
}

static void
write_md(const struct scio_stab *t)
{
	struct scio_buf out = {0}, c = {0};

	scio_buf_adds(&out, "|");
	for (size_t k = 0; k < t->ncol; k++) {
		scio_buf_addc(&out, ' ');
		md_cell(&out, t->names[k], strlen(t->names[k]));
		scio_buf_adds(&out, " |");
	}
	scio_buf_adds(&out, "\n|");
	for (size_t k = 0; k < t->ncol; k++)
		scio_buf_adds(&out, t->kind[k] == SCIO_SC_TEXT ? "---|" : "---:|");
	scio_buf_addc(&out, '\n');
	for (size_t r = 0; r < t->nrows; r++) {
		scio_buf_adds(&out, "|");
		for (size_t k = 0; k < t->ncol; k++) {
			scio_buf_reset(&c);
			human_cell(t, r, k, &c);
			scio_buf_addc(&out, ' ');
			md_cell(&out, scio_buf_str(&c), c.len);
			scio_buf_adds(&out, " |");
		}
		scio_buf_addc(&out, '\n');
		scio_out_write(out.s, out.len);
		scio_buf_reset(&out);
	}
	scio_out_write(out.s, out.len);
	scio_buf_free(&out);
	scio_buf_free(&c);
}

void
scio_stab_write(const struct scio_stab *t, const struct scio_sout_opts *o)
{
	struct scio_buf out = {0};

	switch (o->fmt) {
	case SCIO_SF_TABLE: write_table(t, o); break;
	case SCIO_SF_TSV:
	case SCIO_SF_CSV: write_rows(t, o); break;
	case SCIO_SF_JSON: write_json(t); break;
	case SCIO_SF_MD: write_md(t); break;
	case SCIO_SF_SVG:
		scio_svg_chart(t, 0, &out);
		break;
	case SCIO_SF_HTML:
		scio_stats_html(t, &out);
		break;
	}
	scio_out_write(out.s, out.len);
	scio_buf_free(&out);
}
