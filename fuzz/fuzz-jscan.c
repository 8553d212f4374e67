/* fuzz-jscan: the validating scanner (lib/base/jscan.c) must accept exactly the
 * lines jansson accepts, and what it finds must be what jansson reads. */
#include <string.h>

#include <jansson.h>

#include "scio/base/jscan.h"
#include "fuzz.h"

static void
check_member(json_t *tree, struct scio_jobj *obj, const char *key)
{
	const struct scio_jmember *m = scio_jobj_get(obj, key);
	json_t *v = json_object_get(tree, key);
	struct scio_buf b = {0};
	json_t *sv;
	long long n;

	FUZZ_CHECK(m != NULL, "a key jansson has is missing from the scan");
	sv = json_loadb(m->val, m->vallen, JSON_DECODE_ANY, NULL);
	FUZZ_CHECK(sv != NULL, "a scanned value span is not a JSON value");
	FUZZ_CHECK(json_equal(sv, v), "a scanned value differs from jansson's");
	json_decref(sv);
	switch (m->type) {
	case SCIO_JSTRING:
		FUZZ_CHECK(json_is_string(v), "string type differs");
		scio_jstr_decode(m->val, m->vallen, &b);
		FUZZ_CHECK(b.len == json_string_length(v) &&
		    memcmp(scio_buf_str(&b), json_string_value(v), b.len) == 0,
		    "decoded string differs from jansson's");
		break;
	case SCIO_JNUMBER:
		FUZZ_CHECK(json_is_number(v), "number type differs");
		FUZZ_CHECK(scio_jint(m, &n) == json_is_integer(v),
		    "integer or real: the scanner and jansson differ");
		if (json_is_integer(v))
			FUZZ_CHECK(n == json_integer_value(v), "integer value differs");
		break;
	case SCIO_JNULL: FUZZ_CHECK(json_is_null(v), "null differs"); break;
	case SCIO_JTRUE: FUZZ_CHECK(json_is_true(v), "true differs"); break;
	case SCIO_JFALSE: FUZZ_CHECK(json_is_false(v), "false differs"); break;
	case SCIO_JARRAY: FUZZ_CHECK(json_is_array(v), "array differs"); break;
	case SCIO_JOBJECT: FUZZ_CHECK(json_is_object(v), "object differs"); break;
	}
	scio_buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scio_jobj obj;
	struct scio_jerr err;
	const char *line = (const char *)data;
	json_t *tree = json_loadb(line, size, 0, NULL);
	int ok = scio_jscan(line, size, &obj, &err) == 0;
	const char *key;
	json_t *v;

	FUZZ_CHECK(ok == json_is_object(tree),
	    ok ? "the scanner accepts a line jansson refuses" :
	    "the scanner refuses a line jansson accepts");
	if (!ok) {
		FUZZ_CHECK(err.column >= 1 && err.column <= size + 1,
		    "error column outside the line");
		FUZZ_CHECK(memchr(err.text, '\0', sizeof(err.text)) != NULL,
		    "error text not terminated");
	} else {
		json_object_foreach(tree, key, v)
			check_member(tree, &obj, key);
	}
	json_decref(tree);
	return 0;
}
