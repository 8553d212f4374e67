/* record.c: a field of a record, whether scanned or decoded, and the
 * schema's names. */
#include <stdlib.h>
#include <string.h>

#include "scio/base/suggest.h"
#include "scio/record/record.h"

/* Every field of every record type in DESIGN.md's schema, the two
 * scio-grep --mark adds and those of scio-fmt --by exchange. */
static const char *const known_fields[] = {
	"type", "doc", "url", "page", "seq", "title", "date", "speaker", "role",
	"outlet", "qa", "text", "kind", "urls", "category", "summary", "source",
	"published", "time", "place", "zh_url", "speakers", "chair", "turns",
	"from", "final_url", "status", "fetched_at", "content_type", "charset",
	"etag", "last_modified", "html", "matches", "matches_field",
	"speaker_title", "asker", "question", "officials", "answered_by",
	"answer", "chair_text", "seqs", "revised", "previous_fetched_at", NULL,
};

const char *const scio_default_fields[] = {
	"doc", "date", "seq", "qa", "speaker", "role", "outlet", "text", NULL,
};

const char *const scio_roles[] = {
	SCIO_ROLE_CHAIR, SCIO_ROLE_OFFICIAL, SCIO_ROLE_MEDIA, SCIO_ROLE_OTHER, NULL,
};

static int
in_list(const char *const *list, const char *s)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return 1;
	return 0;
}

int
scio_role_known(const char *s)
{
	return in_list(scio_roles, s);
}

int
scio_field_known(const char *name)
{
	return in_list(known_fields, name);
}

const char *
scio_field_near(const char *name)
{
	return scio_suggest(name, known_fields);
}

void
scio_field_unknown(const char *name, const char *what)
{
	const char *near = scio_field_near(name);

	if (near != NULL)
		scio_usage_error("unknown field '%s' in %s; did you mean '%s'? "
		    "(write '+%s' for a field outside the schema)", name, what, near, name);
	scio_usage_error("unknown field '%s' in %s "
	    "(write '+%s' for a field outside the schema)", name, what, name);
}

const char *
scio_field_name(const char *name, const char *what)
{
	if (name[0] == '+' && name[1] != '\0')
		return name + 1;
	if (!scio_field_known(name))
		scio_field_unknown(name, what);
	return name;
}

/* Field access. */

static void
dump_compact(const json_t *v, struct scio_buf *out)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
	    JSON_PRESERVE_ORDER);

	if (s == NULL)
		scio_die(SCIO_EXIT_ERROR, "cannot encode a value as JSON");
	scio_buf_adds(out, s);
	free(s);
}

/* A scanned value re-encoded so that it reads as from a tree: spacing,
 * and a real as jansson writes it (1.77e+72 for 177E+70). */
static void
reencode(const struct scio_jmember *m, struct scio_buf *out)
{
	json_t *v = json_loadb(m->val, m->vallen, JSON_DECODE_ANY, NULL);

	if (v == NULL) {
		scio_buf_add(out, m->val, m->vallen);
		return;
	}
	dump_compact(v, out);
	json_decref(v);
}

static enum scio_ftype
get_json(json_t *v, struct scio_buf *out)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		scio_buf_add(out, json_string_value(v), json_string_length(v));
		return SCIO_F_STRING;
	case JSON_INTEGER:
		scio_buf_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return SCIO_F_INT;
	case JSON_NULL:
		return SCIO_F_NULL;
	default:
		dump_compact(v, out);
		return SCIO_F_OTHER;
	}
}

void
scio_jmember_str(const struct scio_jmember *m, struct scio_buf *out)
{
	scio_jstr_decode(m->val, m->vallen, out);
	scio_buf_grow(out, 0);
	out->s[out->len] = '\0';
}

static enum scio_ftype
get_scanned(const struct scio_jmember *m, struct scio_buf *out)
{
	long long n;

	switch (m->type) {
	case SCIO_JSTRING:
		scio_jmember_str(m, out);
		return SCIO_F_STRING;
	case SCIO_JNULL:
		return SCIO_F_NULL;
	case SCIO_JNUMBER:
		if (scio_jint(m, &n)) {
			scio_buf_printf(out, "%lld", n);
			return SCIO_F_INT;
		}
		reencode(m, out);
		return SCIO_F_OTHER;
	case SCIO_JTRUE:
	case SCIO_JFALSE:
		scio_buf_add(out, m->val, m->vallen);
		return SCIO_F_OTHER;
	default:
		reencode(m, out);
		return SCIO_F_OTHER;
	}
}

/* Where key is found along r and its parents: the record holding it, with
 * *v (a tree) or *m (a scanned member) set; NULL when no record has it. A
 * record with a type of its own answers "type" itself (*v, *m NULL). */
static const struct scio_frec *
lookup(const struct scio_frec *r, const char *key, json_t **v,
    const struct scio_jmember **m)
{
	*v = NULL;
	*m = NULL;
	for (; r != NULL; r = r->parent) {
		if (r->type && strcmp(key, "type") == 0)
			return r;
		if (r->json && (*v = json_object_get(r->json, key)) != NULL)
			return r;
		if (r->json == NULL && r->obj && (*m = scio_jobj_get(r->obj, key)) != NULL)
			return r;
	}
	return NULL;
}

enum scio_ftype
scio_frec_get(const struct scio_frec *r, const char *key, struct scio_buf *out)
{
	const struct scio_jmember *m;
	json_t *v;
	const struct scio_frec *at = lookup(r, key, &v, &m);

	if (at == NULL)
		return SCIO_F_MISSING;
	if (v)
		return get_json(v, out);
	if (m)
		return get_scanned(m, out);
	scio_buf_adds(out, at->type);
	return SCIO_F_STRING;
}

int
scio_frec_str(const struct scio_frec *r, const char *key, struct scio_buf *out)
{
	scio_buf_reset(out);
	if (scio_frec_get(r, key, out) == SCIO_F_STRING) {
		scio_buf_grow(out, 0);
		out->s[out->len] = '\0';
		return 1;
	}
	scio_buf_reset(out);
	return 0;
}

int
scio_frec_int(const struct scio_frec *r, const char *key, long long *v)
{
	const struct scio_jmember *m;
	json_t *j;

	if (lookup(r, key, &j, &m) == NULL)
		return 0;
	if (m)
		return scio_jint(m, v);
	if (!json_is_integer(j))
		return 0;
	*v = json_integer_value(j);
	return 1;
}

int
scio_frec_raw(const struct scio_frec *r, const char *key, struct scio_buf *out)
{
	const struct scio_jmember *m;
	json_t *v;

	if (lookup(r, key, &v, &m) == NULL)
		return 0;
	if (m && m->type != SCIO_JNULL) {
		scio_buf_add(out, m->val, m->vallen);
		return 1;
	}
	if (v && !json_is_null(v)) {
		dump_compact(v, out);
		return 1;
	}
	return 0;
}

int
scio_jmember_scalar(const struct scio_jmember *m, struct scio_buf *buf,
    struct scio_fval *v)
{
	if (m->type == SCIO_JARRAY || m->type == SCIO_JOBJECT)
		return 0;
	v->is_string = m->type == SCIO_JSTRING;
	if (!v->is_string) {
		v->s = m->val;
		v->n = m->vallen;
		return 1;
	}
	if (memchr(m->val + 1, '\\', m->vallen - 2) == NULL) {
		v->s = m->val + 1;
		v->n = m->vallen - 2;
		return 1;
	}
	scio_buf_reset(buf);
	scio_jstr_decode(m->val, m->vallen, buf);
	v->s = scio_buf_str(buf);
	v->n = buf->len;
	return 1;
}

/* A tree's scalar value; 0 for an array or an object. */
static int
json_scalar(const json_t *j, struct scio_buf *buf, struct scio_fval *v)
{
	v->is_string = 0;
	scio_buf_reset(buf);
	switch (json_typeof(j)) {
	case JSON_STRING:
		v->is_string = 1;
		v->s = json_string_value(j);
		v->n = json_string_length(j);
		return 1;
	case JSON_INTEGER:
		scio_buf_printf(buf, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
		break;
	case JSON_REAL:
		scio_buf_printf(buf, "%.17g", json_real_value(j));
		break;
	case JSON_TRUE:
		scio_buf_adds(buf, "true");
		break;
	case JSON_FALSE:
		scio_buf_adds(buf, "false");
		break;
	case JSON_NULL:
		scio_buf_adds(buf, "null");
		break;
	default:
		return 0;
	}
	v->s = buf->s;
	v->n = buf->len;
	return 1;
}

int
scio_frec_scalar(const struct scio_frec *r, const char *key,
    struct scio_buf *buf, struct scio_fval *v)
{
	const struct scio_jmember *m;
	json_t *j;
	const struct scio_frec *at = lookup(r, key, &j, &m);

	if (at == NULL)
		return 0;
	if (m)
		return scio_jmember_scalar(m, buf, v);
	if (j)
		return json_scalar(j, buf, v);
	v->s = at->type;
	v->n = strlen(at->type);
	v->is_string = 1;
	return 1;
}

json_t *
scio_frec_tree(const struct scio_frec *r, const char *key)
{
	if (r->json) {
		json_t *v = json_object_get(r->json, key);

		return v ? json_incref(v) : NULL;
	}
	if (r->obj) {
		const struct scio_jmember *m = scio_jobj_get(r->obj, key);

		if (m)
			return json_loadb(m->val, m->vallen, JSON_DECODE_ANY, NULL);
	}
	return NULL;
}

void
scio_frec_each_turn(const struct scio_frec *doc, scio_doc_turn_fn *fn, void *arg)
{
	json_t *turns = scio_frec_tree(doc, "turns");
	json_t *people = json_array(), *t;
	const char *lists[] = {"speakers", "chair"};
	struct scio_frec sub = {0};
	size_t i;

	for (i = 0; i < 2; i++) {
		json_t *l = scio_frec_tree(doc, lists[i]);

		if (json_is_array(l))
			json_array_extend(people, l);
		json_decref(l);
	}
	sub.parent = doc;
	sub.type = "turn";
	if (json_is_array(turns)) {
		json_array_foreach(turns, i, t) {
			if (!json_is_object(t))
				continue;
			sub.json = t;
			fn(arg, &sub, people);
		}
	}
	json_decref(turns);
	json_decref(people);
}

void
scio_frec_text(const struct scio_frec *r, struct scio_buf *out)
{
	if (r->json)
		dump_compact(r->json, out);
	else if (r->line)
		scio_buf_add(out, r->line, r->len);
}

int
scio_jobj_str(struct scio_jobj *obj, const char *key, struct scio_buf *out)
{
	const struct scio_jmember *m = scio_jobj_get(obj, key);

	scio_buf_reset(out);
	if (m == NULL || m->type != SCIO_JSTRING)
		return 0;
	scio_jmember_str(m, out);
	return 1;
}

int
scio_jobj_is_doc(struct scio_jobj *obj, struct scio_buf *tmp)
{
	const struct scio_jmember *t = scio_jobj_get(obj, "turns");

	return t != NULL && t->type == SCIO_JARRAY && scio_jobj_str(obj, "type", tmp) &&
	    strcmp(tmp->s, "doc") == 0;
}
