/* stats_html.c: scio-stats -f html, one standalone page (inline CSS, no
 * script, nothing fetched): the title, the chart, and the table with, for
 * each row, links to the conferences behind it. */
#include <string.h>

#include "scio/base/text.h"
#include "scio/stats/stats.h"

static const char style[] =
    "body{margin:0;background:#fafafa;color:#1b1b1b;"
    "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}\n"
    "main{max-width:60rem;margin:0 auto;padding:1rem}\n"
    "h1{font-size:1.5rem;margin:.5rem 0 1rem}\n"
    "figure{margin:0 0 1.5rem;background:#fff;border:1px solid #ddd;"
    "border-radius:6px;padding:.5rem}\n"
    "figure svg{width:100%;height:auto;display:block}\n"
    "table{border-collapse:collapse;width:100%;background:#fff}\n"
    "th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .5rem;"
    "text-align:left;vertical-align:top}\n"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.links a{margin-right:.5rem;white-space:nowrap}\n"
    "a{color:#0b57d0}\n"
    "@media (max-width:30rem){main{padding:.4rem}th,td{padding:.2rem}}\n";

/* Only http and https URLs become links. */
static int
safe_url(const char *u)
{
	return strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0;
}

static void
links_cell(const struct scio_srow *row, struct scio_buf *out)
{
	scio_buf_adds(out, "<td class=\"links\">");
	for (size_t i = 0; i < row->nlinks; i++) {
		const struct scio_slink *l = &row->links[i];

		if (!safe_url(l->url)) {
			scio_xml_esc(out, l->label, strlen(l->label));
			scio_buf_addc(out, ' ');
			continue;
		}
		scio_buf_adds(out, "<a class=\"conf\" href=\"");
		scio_xml_esc(out, l->url, strlen(l->url));
		scio_buf_adds(out, "\">");
		scio_xml_esc(out, l->label, strlen(l->label));
		scio_buf_adds(out, "</a> ");
	}
	if (row->more)
		scio_buf_printf(out, "and %zu more", row->more);
	scio_buf_adds(out, "</td>");
}

void
scio_stats_html(const struct scio_stab *t, struct scio_buf *out)
{
	struct scio_buf c = {0};

	scio_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\"/>\n"
	    "<meta name=\"generator\" content=\"scio-stats\"/>\n<title>");
	scio_xml_esc(out, t->title, strlen(t->title));
	scio_buf_adds(out, "</title>\n<style>\n");
	scio_buf_adds(out, style);
	scio_buf_adds(out, "</style>\n</head>\n<body>\n<main>\n<h1>");
	scio_xml_esc(out, t->title, strlen(t->title));
	scio_buf_adds(out, "</h1>\n<figure>\n");
	scio_svg_chart(t, 1, out);
	scio_buf_adds(out, "</figure>\n<table>\n<thead><tr>");
	for (size_t k = 0; k < t->ncol; k++) {
		scio_buf_adds(out, t->kind[k] == SCIO_SC_TEXT ? "<th>" :
		    "<th class=\"n\">");
		scio_xml_esc(out, t->names[k], strlen(t->names[k]));
		scio_buf_adds(out, "</th>");
	}
	scio_buf_adds(out, "<th>conferences</th></tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		scio_buf_adds(out, "<tr class=\"row\">");
		for (size_t k = 0; k < t->ncol; k++) {
			scio_buf_reset(&c);
			if (t->kind[k] == SCIO_SC_SHARE)
				scio_buf_printf(&c, "%.1f%%", t->rows[r].num[k] * 100);
			else
				scio_stab_cell(t, r, k, &c);
			if (t->kind[k] == SCIO_SC_TEXT && t->rows[r].text[k] == NULL)
				scio_buf_adds(&c, "(none)");
			scio_buf_adds(out, t->kind[k] == SCIO_SC_TEXT ? "<td>" :
			    "<td class=\"n\">");
			scio_xml_esc(out, scio_buf_str(&c), c.len);
			scio_buf_adds(out, "</td>");
		}
		links_cell(&t->rows[r], out);
		scio_buf_adds(out, "</tr>\n");
	}
	scio_buf_adds(out, "</tbody>\n</table>\n</main>\n</body>\n</html>\n");
	scio_buf_free(&c);
}
