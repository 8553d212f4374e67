/* fieldopt.c: the field-condition options of scio-grep and scio-db. */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/record/fieldopt.h"
#include "scio/record/record.h"

static const struct {
	const char *option;
	const char *field;
} fopts[SCIO_FOPT_N] = {
	[SCIO_FOPT_SPEAKER] = { "--speaker", "speaker" },
	[SCIO_FOPT_ROLE] = { "--role", "role" },
	[SCIO_FOPT_OUTLET] = { "--outlet", "outlet" },
	[SCIO_FOPT_DOC] = { "--doc", "doc" },
	[SCIO_FOPT_SINCE] = { "--since", "date" },
	[SCIO_FOPT_UNTIL] = { "--until", "date" },
};

/* One condition as given. */
struct scio_fcond {
	int id;			/* an enum scio_fopt, or WHERE_EQ, WHERE_NUM */
	char *field;		/* --where's */
	char *value;
	char *op;		/* WHERE_NUM: <, <=, > or >= */
};

enum { WHERE_EQ = SCIO_FOPT_N, WHERE_NUM };

const char *
scio_fopt_field(enum scio_fopt id)
{
	return fopts[id].field;
}

const char *
scio_fopt_option(enum scio_fopt id)
{
	return fopts[id].option;
}

void
scio_fopt_filter(struct scio_filter *f, enum scio_fopt id, const char *value)
{
	if (id == SCIO_FOPT_SINCE)
		scio_filter_since(f, fopts[id].field, value);
	else if (id == SCIO_FOPT_UNTIL)
		scio_filter_until(f, fopts[id].field, value);
	else
		scio_filter_equal(f, fopts[id].field, value, fopts[id].option);
}

const char *
scio_fopt_check(enum scio_fopt id, const char *value)
{
	const char *why;

	if (id == SCIO_FOPT_ROLE && !scio_role_known(value))
		scio_usage_error("--role: not chair, official, media or other: '%s'", value);
	if ((id == SCIO_FOPT_SINCE || id == SCIO_FOPT_UNTIL) &&
	    (why = scio_date_bound_error(value)) != NULL)
		scio_usage_error("%s: %s: '%s'", fopts[id].option, why, value);
	return value;
}

static struct scio_fcond *
add(struct scio_fconds *c, int id, const char *value)
{
	struct scio_fcond *fc;

	SCIO_ALLOC_GROW(c->v, c->n + 1, c->cap);
	fc = &c->v[c->n++];
	memset(fc, 0, sizeof(*fc));
	fc->id = id;
	fc->value = scio_strdup(value);
	return fc;
}

void
scio_fconds_add(struct scio_fconds *c, enum scio_fopt id, const char *value)
{
	add(c, (int)id, scio_fopt_check(id, value));
}

void
scio_fconds_where(struct scio_fconds *c, const char *arg)
{
	size_t k = strcspn(arg, "=<>"), oplen = 0;
	struct scio_fcond *fc;
	char *name;

	if (arg[k] == '\0' || k == 0)
		scio_usage_error("--where: not FIELD=VALUE, FIELD<N, FIELD<=N, "
		    "FIELD>N or FIELD>=N: '%s'", arg);
	if (arg[k] != '=')
		oplen = arg[k + 1] == '=' ? 2 : 1;
	name = scio_strndup(arg, k);
	fc = add(c, oplen ? WHERE_NUM : WHERE_EQ, arg + k + (oplen ? oplen : 1));
	fc->field = scio_strdup(scio_field_name(name, "--where"));
	if (oplen)
		fc->op = scio_strndup(arg + k, oplen);
	free(name);
}

void
scio_fconds_apply(const struct scio_fconds *c, struct scio_filter *f)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct scio_fcond *fc = &c->v[i];

		switch (fc->id) {
		case WHERE_NUM:
			if (scio_filter_compare(f, fc->field, fc->op, fc->value) < 0)
				scio_usage_error("--where: not a number after '%s': '%s'",
				    fc->op, fc->value);
			break;
		case WHERE_EQ:
			scio_filter_equal(f, fc->field, fc->value, "--where");
			break;
		default:
			scio_fopt_filter(f, (enum scio_fopt)fc->id, fc->value);
		}
	}
}

void
scio_fconds_free(struct scio_fconds *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].field);
		free(c->v[i].value);
		free(c->v[i].op);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}
