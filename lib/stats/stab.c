/* stab.c: the table scio-stats builds and its writers read: freeing it,
 * and a number cell as every text format writes it. */
#include <stdlib.h>

#include "scio/stats/stats.h"

void
scio_stab_free(struct scio_stab *t)
{
	for (size_t i = 0; i < t->nrows; i++) {
		struct scio_srow *r = &t->rows[i];

		for (size_t k = 0; k < t->ncol; k++)
			free(r->text[k]);
		for (size_t k = 0; k < r->nlinks; k++) {
			free(r->links[k].url);
			free(r->links[k].label);
		}
		free(r->text);
		free(r->num);
		free(r->links);
	}
	for (size_t k = 0; k < t->ncol; k++)
		free(t->names[k]);
	free(t->names);
	free(t->kind);
	free(t->rows);
	free(t->title);
	free(t);
}

void
scio_stab_cell(const struct scio_stab *t, size_t row, size_t col,
    struct scio_buf *out)
{
	const struct scio_srow *r = &t->rows[row];

	switch (t->kind[col]) {
	case SCIO_SC_TEXT:
		if (r->text[col])
			scio_buf_adds(out, r->text[col]);
		break;
	case SCIO_SC_INT:
		scio_buf_printf(out, "%.0f", r->num[col]);
		break;
	case SCIO_SC_REAL:
		scio_buf_printf(out, "%.2f", r->num[col]);
		break;
	case SCIO_SC_SHARE:
		scio_buf_printf(out, "%.4f", r->num[col]);
		break;
	}
}
