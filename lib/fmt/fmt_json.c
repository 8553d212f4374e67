/* fmt_json.c: -f json, each record pretty-printed for reading. */
#include "scio/base/diag.h"
#include "scio/base/jwrite.h"
#include "scio/fmt/fmt_impl.h"

static int
to_buf(const char *p, size_t n, void *data)
{
	scio_buf_add(data, p, n);
	return 0;
}

void
scio_fmt_json_record(struct scio_fmt *f, const struct scio_frec *r)
{
	json_t *tree = NULL;
	json_error_t err;
	size_t start = f->out.len;

	if (r->json == NULL) {
		tree = json_loadb(r->line, r->len, 0, &err);
		if (tree == NULL)
			scio_die(SCIO_EXIT_ERROR, "cannot load a scanned record: %s",
			    err.text);
	}
	if (json_dump_callback(tree ? tree : r->json, to_buf, &f->out,
	    JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
		scio_die(SCIO_EXIT_ERROR, "cannot encode a record as JSON");
	scio_jw_escape_c1(&f->out, start);
	scio_buf_addc(&f->out, '\n');
	json_decref(tree);
}
