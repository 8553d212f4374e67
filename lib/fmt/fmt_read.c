/* fmt_read.c: scio-fmt's reading: the lines of a file scanned, a tree
 * built only where the format needs one, and --fields' list. */
#include <string.h>

#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/fmt/exchange.h"
#include "scio/fmt/fmt.h"

const char **
scio_fmt_fields(struct scio_fmt_opts *o, char *list)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;
	char *name, *save = NULL;

	for (name = strtok_r(list, ",", &save); name;
	    name = strtok_r(NULL, ",", &save)) {
		if (name[0] == '+')
			name++;
		else if (!scio_field_known(name))
			scio_field_unknown(name, "--fields");
		if (*name == '\0')
			scio_usage_error("empty field name in --fields");
		SCIO_ALLOC_GROW(v, n + 1, cap);
		v[n++] = name;
	}
	if (n == 0)
		scio_usage_error("no field in --fields");
	o->fields = v;
	o->nfields = n;
	return v;
}

/* A record for the exchange grouper; 0 when it is not a turn or doc. */
static int
group_record(struct scio_xgroup *by, struct scio_frec *r, const char *ty,
    struct scio_input *in)
{
	if (ty && strcmp(ty, "turn") == 0) {
		scio_xgroup_turn(by, r, NULL, in->name, in->lineno);
		return 1;
	}
	if (ty && strcmp(ty, "doc") == 0) {
		scio_xgroup_doc(by, r, in->name, in->lineno);
		return 1;
	}
	scio_xgroup_flush(by);
	return 0;
}

void
scio_fmt_file(struct scio_fmt *f, const char *path, struct scio_xgroup *by)
{
	struct scio_jobj jobj = {0}, *obj = &jobj;
	struct scio_buf tbuf = {0}, *type = &tbuf;
	struct scio_input in;
	struct scio_jerr err;

	if (scio_input_open(&in, path) < 0) {
		scio_jobj_free(obj);
		return;
	}
	scio_input_want_records(&in);
	while (scio_input_next(&in) > 0) {
		struct scio_frec r = {0};
		const char *ty = NULL;
		json_t *tree = NULL;

		if (scio_line_is_blank(in.line, in.len))
			continue;
		if (scio_jscan(in.line, in.len, obj, &err) < 0) {
			scio_input_bad(&in, "bad JSON at column %zu: %s", err.column, err.text);
			continue;
		}
		scio_input_note(&in, obj);
		scio_buf_reset(type);
		if (scio_jobj_str(obj, "type", type))
			ty = scio_buf_str(type);
		r.line = in.line;
		r.len = in.len;
		if (scio_fmt_wants_tree(f, ty, ty ? type->len : 0)) {
			if ((tree = scio_record_load(&in)) == NULL)
				continue;
			r.json = tree;
		} else {
			r.obj = obj;
		}
		if (by == NULL || !group_record(by, &r, ty, &in))
			scio_fmt_record(f, &r, ty);
		json_decref(tree);
	}
	scio_input_close(&in);
	scio_jobj_free(obj);
	scio_buf_free(type);
}
