/* filter.c: field conditions and the text condition of scio-grep, tested
 * on scanned lines (decoding only the fields they name) or on jansson
 * objects. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/record/filter.h"
#include "scio/record/record.h"

enum cond_kind { C_EQUAL, C_PATTERN, C_SINCE, C_UNTIL, C_LESS, C_LESS_EQ, C_MORE, C_MORE_EQ };

struct cond {
	enum cond_kind kind;
	char *field;
	char *value;		/* C_EQUAL without case folding, and dates */
	size_t vlen;
	struct scio_match *m;	/* C_PATTERN, and C_EQUAL with case folding */
	double num;		/* C_LESS ... C_MORE_EQ: the number compared with */
};

struct scio_filter {
	int flags;
	struct cond *c;
	size_t n, cap;
	struct scio_match *text;
	char *text_field;
	int invert;
	int invert_all;
	struct scio_buf tmp;	/* a decoded field value */
	struct scio_buf num;	/* a number written out */
};

struct scio_filter *
scio_filter_new(int flags)
{
	struct scio_filter *f = scio_calloc(1, sizeof(*f));

	f->flags = flags & (SCIO_MATCH_ICASE | SCIO_MATCH_NO_JIT);
	return f;
}

void
scio_filter_free(struct scio_filter *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->c[i].field);
		free(f->c[i].value);
		scio_match_free(f->c[i].m);
	}
	free(f->c);
	scio_match_free(f->text);
	free(f->text_field);
	scio_buf_free(&f->tmp);
	scio_buf_free(&f->num);
	free(f);
}

int
scio_filter_error(struct scio_filter *f, struct scio_buf *why)
{
	int failed = scio_match_error(f->text, why);

	for (size_t i = 0; i < f->n; i++)
		failed |= scio_match_error(f->c[i].m, why);
	return failed;
}

static struct cond *
add_cond(struct scio_filter *f, enum cond_kind kind, const char *field)
{
	struct cond *c;

	SCIO_ALLOC_GROW(f->c, f->n + 1, f->cap);
	c = &f->c[f->n++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->field = scio_strdup(field);
	return c;
}

void
scio_filter_equal(struct scio_filter *f, const char *field, const char *value,
    const char *what)
{
	size_t n = strlen(value);
	struct cond *c;

	if (n >= 2 && value[0] == '/' && value[n - 1] == '/') {
		char *re = scio_strndup(value + 1, n - 2);
		const char *pats[1] = { re };

		c = add_cond(f, C_PATTERN, field);
		c->m = scio_match_new(pats, 1, f->flags, what);
		free(re);
		return;
	}
	c = add_cond(f, C_EQUAL, field);
	if (f->flags & SCIO_MATCH_ICASE) {
		const char *pats[1] = { value };

		c->m = scio_match_new(pats, 1, f->flags | SCIO_MATCH_FIXED | SCIO_MATCH_WHOLE,
		    what);
	} else {
		c->value = scio_strdup(value);
		c->vlen = n;
	}
}

int
scio_filter_compare(struct scio_filter *f, const char *field, const char *op,
    const char *number)
{
	static const struct {
		const char *op;
		enum cond_kind kind;
	} ops[] = { {"<", C_LESS}, {"<=", C_LESS_EQ}, {">", C_MORE}, {">=", C_MORE_EQ} };
	char *end;
	double v;
	struct cond *c;

	errno = 0;
	v = strtod(number, &end);
	if (*number == '\0' || *end != '\0' || errno != 0 || v != v)
		return -1;
	for (size_t i = 0; i < LEN(ops); i++)
		if (strcmp(op, ops[i].op) == 0) {
			c = add_cond(f, ops[i].kind, field);
			c->num = v;
			return 0;
		}
	return -1;
}

/* A JSON number's text as a double; 0 when the value is not a number. */
static int
json_number(const struct scio_fval *v, double *out)
{
	char buf[64], *end;

	if (v->is_string || v->n == 0 || v->n >= sizeof(buf) ||
	    !(v->s[0] == '-' || (v->s[0] >= '0' && v->s[0] <= '9')))
		return 0;
	memcpy(buf, v->s, v->n);
	buf[v->n] = '\0';
	*out = strtod(buf, &end);
	return *end == '\0';
}

void
scio_filter_since(struct scio_filter *f, const char *field, const char *bound)
{
	struct cond *c = add_cond(f, C_SINCE, field);

	c->value = scio_strdup(bound);
	c->vlen = strlen(bound);
}

void
scio_filter_until(struct scio_filter *f, const char *field, const char *bound)
{
	struct cond *c = add_cond(f, C_UNTIL, field);

	c->value = scio_strdup(bound);
	c->vlen = strlen(bound);
}

void
scio_filter_text(struct scio_filter *f, const char *const *patterns, size_t n,
    int mflags, const char *field, int invert)
{
	f->text = scio_match_new(patterns, n, f->flags | mflags, "-e");
	f->text_field = scio_strdup(field);
	f->invert = invert;
}

int
scio_filter_has_text(const struct scio_filter *f)
{
	return f->text != NULL;
}

const char *
scio_filter_text_field(const struct scio_filter *f)
{
	return f->text_field ? f->text_field : "text";
}

void
scio_filter_invert_all(struct scio_filter *f)
{
	f->invert_all = 1;
}

/* Compares a date with a bound at the bound's precision: <0, 0, >0. */
static int
date_cmp(const char *d, size_t dn, const char *b, size_t bn)
{
	int r = memcmp(d, b, dn < bn ? dn : bn);

	if (r != 0 || dn >= bn)
		return r;
	return -1;
}

static int
cond_holds(const struct cond *c, const struct scio_fval *v)
{
	switch (c->kind) {
	case C_EQUAL:
		if (c->m == NULL)
			return v->n == c->vlen && memcmp(v->s, c->value, v->n) == 0;
		return scio_match_test(c->m, v->s, v->n);
	case C_PATTERN:
		return scio_match_test(c->m, v->s, v->n);
	case C_SINCE:
		return v->is_string && date_cmp(v->s, v->n, c->value, c->vlen) >= 0;
	case C_UNTIL:
		return v->is_string && date_cmp(v->s, v->n, c->value, c->vlen) <= 0;
	case C_LESS: case C_LESS_EQ: case C_MORE: case C_MORE_EQ: {
		double x;

		if (!json_number(v, &x))
			return 0;
		return c->kind == C_LESS ? x < c->num : c->kind == C_LESS_EQ ? x <= c->num :
		    c->kind == C_MORE ? x > c->num : x >= c->num;
	}
	}
	return 0;
}

static int
text_scanned(struct scio_filter *f, struct scio_jobj *obj)
{
	const struct scio_jmember *m = scio_jobj_get(obj, scio_filter_text_field(f));
	struct scio_fval v;

	if (m == NULL)
		return 0;
	/* Most values are decided here, on the raw text, without decoding. */
	if (m->type == SCIO_JSTRING && !scio_match_maybe(f->text, m->val + 1, m->vallen - 2))
		return 0;
	if (!scio_jmember_scalar(m, &f->tmp, &v))
		return 0;
	return scio_match_test(f->text, v.s, v.n);
}

int
scio_filter_scanned(struct scio_filter *f, struct scio_jobj *obj)
{
	int ok = 1;

	for (size_t i = 0; i < f->n && ok; i++) {
		const struct scio_jmember *m = scio_jobj_get(obj, f->c[i].field);
		struct scio_fval v;

		ok = m != NULL && scio_jmember_scalar(m, &f->tmp, &v) && cond_holds(&f->c[i], &v);
	}
	if (ok && f->text != NULL)
		ok = text_scanned(f, obj) != f->invert;
	return ok != f->invert_all;
}

/* The value of a jansson member, looked up in obj and then outer. */
static int
json_value(struct scio_filter *f, const json_t *obj, const json_t *outer,
    const char *field, struct scio_fval *v)
{
	struct scio_frec doc = {0}, turn = {0};

	doc.json = outer;
	turn.json = obj;
	turn.parent = outer ? &doc : NULL;
	return scio_frec_scalar(&turn, field, &f->num, v);
}

int
scio_filter_json(struct scio_filter *f, const json_t *obj, const json_t *outer)
{
	struct scio_fval v;
	int ok = 1;

	for (size_t i = 0; i < f->n && ok; i++)
		ok = json_value(f, obj, outer, f->c[i].field, &v) && cond_holds(&f->c[i], &v);
	if (ok && f->text != NULL) {
		int hit = json_value(f, obj, outer, scio_filter_text_field(f), &v) &&
		    scio_match_test(f->text, v.s, v.n);

		ok = hit != f->invert;
	}
	return ok != f->invert_all;
}

/* Code points in s[0..n): the bytes that do not continue a sequence. */
static size_t
count_chars(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xc0) != 0x80;
	return k;
}

int
scio_filter_next_hit(struct scio_filter *f, const char *s, size_t n, size_t *from,
    size_t *so, size_t *eo)
{
	while (f->text != NULL && *from <= n && scio_match_find(f->text, s, n, *from, so, eo)) {
		if (*eo == *so) {
			/* An empty hit marks nothing; step over one character. */
			*from = *eo + 1;
			while (*from < n && ((unsigned char)s[*from] & 0xc0) == 0x80)
				(*from)++;
			continue;
		}
		*from = *eo;
		return 1;
	}
	return 0;
}

json_t *
scio_filter_marks(struct scio_filter *f, const char *s, size_t n)
{
	json_t *arr = json_array();
	size_t from = 0, so, eo, byte = 0, cp = 0;

	if (arr == NULL)
		scio_die(SCIO_EXIT_ERROR, "out of memory");
	while (scio_filter_next_hit(f, s, n, &from, &so, &eo)) {
		cp += count_chars(s + byte, so - byte);
		size_t start = cp;
		cp += count_chars(s + so, eo - so);
		byte = eo;
		json_array_append_new(arr, json_pack("[II]", (json_int_t)start, (json_int_t)cp));
	}
	return arr;
}
