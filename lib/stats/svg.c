/* svg.c: a table as an SVG chart: horizontal bars for categories, a line
 * with a point per row for a time series. Self-contained (no script, no
 * font or style from elsewhere), text as text, drawn on a 720-unit wide
 * view box so that it reads at 600 and at 1,200 pixels alike. */
#include <math.h>
#include <string.h>

#include "scio/base/text.h"
#include "scio/stats/stats.h"
#include "scio/base/width.h"

#define W 720.0			/* view box width */
#define TOP 56.0		/* title and a gap */
#define ROW 26.0		/* a bar's band */
#define LABEL_COLS 28		/* columns of a category label */

/* A step for about five ticks from 0 to max: 1, 2 or 5 times a power of
 * ten. */
static double
tick_step_of(double max)
{
	double raw = max / 5, mag, f;

	if (raw <= 0)
		return 1;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/* A count's ticks are whole numbers. */
static double
tick_step(const struct scio_stab *t, double max)
{
	double step = tick_step_of(max);

	return t->kind[t->bar] == SCIO_SC_INT && step < 1 ? 1 : step;
}

static void
num(struct scio_buf *out, double v)
{
	scio_buf_printf(out, "%.1f", v);
}

/* The row's label: its key cells joined by " \u00b7 ". */
static void
row_label(const struct scio_stab *t, size_t r, struct scio_buf *out)
{
	for (size_t k = 0; k < t->nkey; k++) {
		const char *s = t->rows[r].text[k];

		if (k > 0)
			scio_buf_adds(out, " \u00b7 ");
		scio_buf_adds(out, s ? s : "(none)");
	}
	if (t->nkey == 0)
		scio_buf_adds(out, "all");
}

/* Text as an element's content, cut to cols columns. */
static void
put_text(struct scio_buf *out, const char *s, size_t n, size_t cols)
{
	size_t cut = scio_str_cut(s, n, cols);

	scio_xml_esc(out, s, cut);
	if (cut < n)
		scio_buf_adds(out, "\u2026");
}

static void
value_text(const struct scio_stab *t, size_t r, struct scio_buf *out)
{
	struct scio_buf v = {0};

	scio_stab_cell(t, r, t->bar, &v);
	scio_xml_esc(out, scio_buf_str(&v), v.len);
	scio_buf_free(&v);
}

/* A mark's data and tooltip: ` data-key="K" data-value="V"><title>K: V</title>`,
 * for the element the caller opened and closes. */
static void
mark_data(const struct scio_stab *t, size_t r, const struct scio_buf *label,
    struct scio_buf *out)
{
	scio_buf_adds(out, " data-key=\"");
	scio_xml_esc(out, label->s, label->len);
	scio_buf_adds(out, "\" data-value=\"");
	value_text(t, r, out);
	scio_buf_adds(out, "\"><title>");
	scio_xml_esc(out, label->s, label->len);
	scio_buf_adds(out, ": ");
	value_text(t, r, out);
	scio_buf_adds(out, "</title>");
}

static void
head(const struct scio_stab *t, double h, struct scio_buf *out, int inline_svg)
{
	if (!inline_svg)
		scio_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	scio_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
	    "role=\"img\" aria-labelledby=\"chart-title\" "
	    "font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"14\">\n",
	    W, h, W, h);
	scio_buf_adds(out, "<title id=\"chart-title\">");
	scio_xml_esc(out, t->title, strlen(t->title));
	scio_buf_adds(out, "</title>\n<rect width=\"100%\" height=\"100%\" "
	    "fill=\"#ffffff\"/>\n<text class=\"title\" x=\"16\" y=\"28\" "
	    "font-size=\"18\" font-weight=\"bold\" fill=\"#1b1b1b\">");
	put_text(out, t->title, strlen(t->title), 70);
	scio_buf_adds(out, "</text>\n");
}

static double
max_value(const struct scio_stab *t)
{
	double m = 0;

	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].num[t->bar] > m)
			m = t->rows[r].num[t->bar];
	return m;
}

/* Key column names, for an axis: "outlet", "year and outlet". */
static void
key_names(const struct scio_stab *t, struct scio_buf *out)
{
	for (size_t k = 0; k < t->nkey; k++)
		scio_buf_printf(out, "%s%s", k ? " and " : "", t->names[k]);
}

static void
bars(const struct scio_stab *t, struct scio_buf *out, int inline_svg)
{
	double x0 = 16 + LABEL_COLS * 8.6, x1 = W - 70, max = max_value(t);
	double h = TOP + ROW * (double)t->nrows + 64, step, y, axis;
	long ticks;
	struct scio_buf l = {0};

	step = tick_step(t, max > 0 ? max : 1);
	ticks = (long)ceil((max > 0 ? max : 1) / step);
	axis = (double)ticks * step;
	head(t, h, out, inline_svg);
	y = TOP + ROW * (double)t->nrows;
	scio_buf_adds(out, "<g class=\"x-axis\" fill=\"#555555\" font-size=\"12\" "
	    "text-anchor=\"middle\">\n");
	for (long k = 0; k <= ticks; k++) {
		double v = (double)k * step;
		double x = x0 + (x1 - x0) * v / axis;

		scio_buf_adds(out, "<line x1=\"");
		num(out, x);
		scio_buf_adds(out, "\" x2=\"");
		num(out, x);
		scio_buf_printf(out, "\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>"
		    "<text x=\"", TOP - 6, y);
		num(out, x);
		scio_buf_printf(out, "\" y=\"%.1f\">%g</text>\n", y + 18, v);
	}
	scio_buf_printf(out, "<text class=\"axis-label\" x=\"%.1f\" y=\"%.1f\" "
	    "font-size=\"14\" fill=\"#1b1b1b\">", (x0 + x1) / 2, y + 44);
	scio_xml_esc(out, t->names[t->bar], strlen(t->names[t->bar]));
	scio_buf_adds(out, "</text>\n</g>\n");
	scio_buf_printf(out, "<text class=\"axis-label\" x=\"16\" y=\"%.1f\" "
	    "font-size=\"12\" fill=\"#555555\">", TOP - 12);
	key_names(t, out);
	scio_buf_adds(out, "</text>\n<g class=\"bars\">\n");
	for (size_t r = 0; r < t->nrows; r++) {
		double v = t->rows[r].num[t->bar], by = TOP + ROW * (double)r;
		double bw = (x1 - x0) * v / axis;

		scio_buf_reset(&l);
		row_label(t, r, &l);
		scio_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
		    "fill=\"#1b1b1b\">", x0 - 8, by + ROW / 2 + 5);
		put_text(out, l.s, l.len, LABEL_COLS);
		scio_buf_printf(out, "</text>\n<rect class=\"bar\" x=\"%.1f\" "
		    "y=\"%.1f\" width=\"", x0, by + 4);
		num(out, bw);
		scio_buf_printf(out, "\" height=\"%.1f\" fill=\"#1a6fb0\"", ROW - 8);
		mark_data(t, r, &l, out);
		scio_buf_adds(out, "</rect>\n<text x=\"");
		num(out, x0 + bw + 6);
		scio_buf_printf(out, "\" y=\"%.1f\" font-size=\"12\" fill=\"#333333\">",
		    by + ROW / 2 + 5);
		value_text(t, r, out);
		scio_buf_adds(out, "</text>\n");
	}
	scio_buf_adds(out, "</g>\n</svg>\n");
	scio_buf_free(&l);
}

/* The rows a line chart draws: those whose time is known. */
static size_t
points(const struct scio_stab *t)
{
	size_t n = 0;

	for (size_t r = 0; r < t->nrows; r++)
		n += t->rows[r].text[0] != NULL;
	return n;
}

static void
line(const struct scio_stab *t, struct scio_buf *out, int inline_svg)
{
	double x0 = 72, x1 = W - 24, y0 = TOP + 8, y1 = 360, max = max_value(t);
	double step = tick_step(t, max > 0 ? max : 1), axis, dx;
	long ticks;
	size_t n = points(t), every = n / 8 + 1, j;
	struct scio_buf l = {0};

	ticks = (long)ceil((max > 0 ? max : 1) / step);
	axis = (double)ticks * step;
	dx = n > 1 ? (x1 - x0) / (double)(n - 1) : 0;
	head(t, y1 + 64, out, inline_svg);
	scio_buf_adds(out, "<g class=\"y-axis\" fill=\"#555555\" font-size=\"12\" "
	    "text-anchor=\"end\">\n");
	for (long k = 0; k <= ticks; k++) {
		double v = (double)k * step;
		double y = y1 - (y1 - y0) * v / axis;

		scio_buf_printf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#dddddd\"/><text x=\"%.1f\" y=\"%.1f\">%g"
		    "</text>\n", x0, x1, y, y, x0 - 8, y + 4, v);
	}
	scio_buf_printf(out, "<text class=\"axis-label\" transform=\"translate(18 "
	    "%.1f) rotate(-90)\" text-anchor=\"middle\" font-size=\"14\" "
	    "fill=\"#1b1b1b\">", (y0 + y1) / 2);
	scio_xml_esc(out, t->names[t->bar], strlen(t->names[t->bar]));
	scio_buf_adds(out, "</text>\n</g>\n<g class=\"x-axis\" fill=\"#555555\" "
	    "font-size=\"12\" text-anchor=\"middle\">\n");
	for (size_t r = j = 0; r < t->nrows; r++) {
		if (t->rows[r].text[0] == NULL || j++ % every != 0)
			continue;
		scio_buf_reset(&l);
		row_label(t, r, &l);
		scio_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">", x0 + dx *
		    (double)(j - 1) + (n == 1 ? (x1 - x0) / 2 : 0), y1 + 20);
		put_text(out, l.s, l.len, 12);
		scio_buf_adds(out, "</text>\n");
	}
	scio_buf_printf(out, "<text class=\"axis-label\" x=\"%.1f\" y=\"%.1f\" "
	    "font-size=\"14\" fill=\"#1b1b1b\">", (x0 + x1) / 2, y1 + 48);
	key_names(t, out);
	scio_buf_adds(out, "</text>\n</g>\n<polyline class=\"trend\" fill=\"none\" "
	    "stroke=\"#1a6fb0\" stroke-width=\"2.5\" points=\"");
	for (size_t r = j = 0; r < t->nrows; r++) {
		double x = x0 + dx * (double)j + (n == 1 ? (x1 - x0) / 2 : 0);

		if (t->rows[r].text[0] == NULL)
			continue;
		scio_buf_printf(out, "%s%.1f,%.1f", j ? " " : "", x,
		    y1 - (y1 - y0) * t->rows[r].num[t->bar] / axis);
		j++;
	}
	scio_buf_adds(out, "\"/>\n<g class=\"points\" fill=\"#1a6fb0\">\n");
	for (size_t r = j = 0; r < t->nrows; r++) {
		if (t->rows[r].text[0] == NULL)
			continue;
		scio_buf_reset(&l);
		row_label(t, r, &l);
		scio_buf_printf(out, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" "
		    "r=\"4\"", x0 + dx * (double)j++ +
		    (n == 1 ? (x1 - x0) / 2 : 0),
		    y1 - (y1 - y0) * t->rows[r].num[t->bar] / axis);
		mark_data(t, r, &l, out);
		scio_buf_adds(out, "</circle>\n");
	}
	scio_buf_adds(out, "</g>\n</svg>\n");
	scio_buf_free(&l);
}

void
scio_svg_chart(const struct scio_stab *t, int inline_svg, struct scio_buf *out)
{
	if (t->series && points(t) > 0)
		line(t, out, inline_svg);
	else
		bars(t, out, inline_svg);
}
