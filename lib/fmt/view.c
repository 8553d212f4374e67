/* view.c: records written, shown to read by the text formatter. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scio/base/cli.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/fmt/fmt.h"
#include "scio/fmt/view.h"

struct scio_view {
	struct scio_fmt *fmt;
	struct scio_buf pending;	/* a partial line */
};

/* Each record written is taken back, a line at a time, and formatted (the
 * hits marked by --mark). */
static void
view_write(void *arg, const char *p, size_t n)
{
	struct scio_view *v = arg;
	const char *nl;

	scio_buf_add(&v->pending, p, n);
	while ((nl = memchr(v->pending.s, '\n', v->pending.len)) != NULL) {
		size_t len = (size_t)(nl - v->pending.s);
		json_t *rec = json_loadb(v->pending.s, len, 0, NULL);
		json_t *type = json_object_get(rec, "type");
		struct scio_frec fr = {0};

		if (rec == NULL)
			scio_die(SCIO_EXIT_ERROR, "cannot load a record written");
		fr.json = rec;
		scio_fmt_record(v->fmt, &fr, json_is_string(type) ? json_string_value(type) : NULL);
		json_decref(rec);
		memmove(v->pending.s, nl + 1, v->pending.len - len - 1);
		v->pending.len -= len + 1;
	}
}

struct scio_view *
scio_view_start(int colour)
{
	struct scio_view *v = scio_calloc(1, sizeof(*v));
	struct scio_fmt_opts o = {0};

	o.kind = SCIO_FMT_TEXT;
	o.width = scio_cli_width();
	o.colour = colour || scio_cli_colour(STDOUT_FILENO);
	o.fields = scio_default_fields;
	v->fmt = scio_fmt_new(&o);
	scio_out_divert(view_write, v);
	return v;
}

void
scio_view_end(struct scio_view *v)
{
	scio_out_divert(NULL, NULL);
	scio_fmt_finish(v->fmt);
	scio_buf_free(&v->pending);
	free(v);
}
