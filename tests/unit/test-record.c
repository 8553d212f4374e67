/* Unit tests for the record view: a field reads the same from a scanned
 * line as from a jansson tree, a turn sees its doc's fields, and the
 * schema's names. */
#include <stdlib.h>
#include <string.h>

#include "scio/record/fieldopt.h"
#include "scio/record/record.h"
#include "check.h"

static const char line[] =
    "{\"type\":\"turn\",\"doc\":\"12\",\"speaker\":\"Li \\\"Wei\\\"\",\"qa\":3,"
    "\"outlet\":null,\"seq\":-2,\"score\":2.5,\"ok\":true,"
    "\"seqs\":[1, 2],\"title\":\"plain\"}";

/* Every accessor on r, written into one string to compare. (A real is
 * written as the line has it when scanned, as %.17g from a tree: 2.5 reads
 * the same both ways, 2.5e1 would not.) */
static const char *
describe(const struct scio_frec *r)
{
	static struct scio_buf all;
	struct scio_buf b = {0};
	static const char *const keys[] = {"type", "doc", "speaker", "qa",
	    "outlet", "seq", "score", "ok", "seqs", "title", "nothere"};
	struct scio_fval v;
	long long n;
	int ok;

	scio_buf_reset(&all);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		scio_buf_reset(&b);
		scio_buf_printf(&all, "%s:%d", keys[i], (int)scio_frec_get(r, keys[i], &b));
		scio_buf_printf(&all, "=%s", scio_buf_str(&b));
		scio_buf_printf(&all, " str%d=%s", scio_frec_str(r, keys[i], &b),
		    scio_buf_str(&b));
		n = 0;
		ok = scio_frec_int(r, keys[i], &n);
		scio_buf_printf(&all, " int%d=%lld", ok, n);
		if (scio_frec_scalar(r, keys[i], &b, &v))
			scio_buf_printf(&all, " scalar%d=%.*s", v.is_string, (int)v.n, v.s);
		scio_buf_adds(&all, ";\n");
	}
	scio_buf_free(&b);
	return scio_buf_str(&all);
}

static void
test_same_both_ways(void)
{
	struct scio_jobj obj = {0};
	struct scio_jerr err;
	struct scio_frec scanned = {0}, tree = {0};
	json_t *j = json_loads(line, 0, NULL);
	char *a;

	CHECK(j != NULL && scio_jscan(line, sizeof(line) - 1, &obj, &err) == 0,
	    "the test record reads both ways");
	scanned.obj = &obj;
	scanned.line = line;
	scanned.len = sizeof(line) - 1;
	tree.json = j;
	a = strdup(describe(&scanned));
	CHECK_STR(describe(&tree), a, "every field reads the same scanned and as a tree");
	CHECK(strstr(a, "speaker:2=Li \"Wei\" str1=Li \"Wei\"") != NULL,
	    "a string is decoded");
	CHECK(strstr(a, "qa:3=3 str0= int1=3 scalar0=3;") != NULL,
	    "an integer reads as a number, not a string");
	CHECK(strstr(a, "outlet:1= str0= int0=0 scalar0=null;") != NULL,
	    "null is null, and no string");
	CHECK(strstr(a, "seqs:4=[1,2]") != NULL, "an array is compact JSON");
	CHECK(strstr(a, "nothere:0= str0= int0=0;") != NULL, "a missing field is missing");
	free(a);
	json_decref(j);
	scio_jobj_free(&obj);
}

static void
test_parent_and_raw(void)
{
	json_t *doc = json_loads("{\"type\":\"doc\",\"doc\":\"7\",\"date\":\"2031-01-02\","
	    "\"turns\":[{\"speaker\":\"A\",\"qa\":0},3,{\"speaker\":\"B\",\"date\":null}]}",
	    0, NULL);
	struct scio_frec d = {0}, t = {0};
	struct scio_buf b = {0};

	d.json = doc;
	t.json = json_array_get(json_object_get(doc, "turns"), 0);
	t.parent = &d;
	t.type = "turn";
	CHECK(scio_frec_str(&t, "date", &b) && strcmp(b.s, "2031-01-02") == 0,
	    "a turn sees its doc's field where it has none");
	CHECK(scio_frec_str(&t, "type", &b) && strcmp(b.s, "turn") == 0,
	    "a turn of a doc reports its own type");
	scio_buf_reset(&b);
	CHECK(scio_frec_raw(&t, "qa", &b) && strcmp(scio_buf_str(&b), "0") == 0,
	    "raw gives a field's JSON text");
	t.json = json_array_get(json_object_get(doc, "turns"), 2);
	scio_buf_reset(&b);
	CHECK(!scio_frec_raw(&t, "date", &b) && b.len == 0,
	    "raw of a null gives nothing, the turn's own null hiding the doc's date");
	scio_buf_free(&b);
	json_decref(doc);
}

static void
test_doc_scanned(void)
{
	static const char doc[] = "{\"turns\":[],\"type\":\"d\\u006fc\"}";
	static const char turn[] = "{\"type\":\"doc\",\"turns\":{}}";
	struct scio_jobj obj = {0};
	struct scio_jerr err;
	struct scio_buf b = {0};

	CHECK(scio_jscan(doc, sizeof(doc) - 1, &obj, &err) == 0 &&
	    scio_jobj_is_doc(&obj, &b), "a doc record is told by type (escaped) and turns");
	CHECK(scio_jscan(turn, sizeof(turn) - 1, &obj, &err) == 0 &&
	    !scio_jobj_is_doc(&obj, &b), "turns that are no array make no doc record");
	scio_buf_free(&b);
	scio_jobj_free(&obj);
}

static void
test_names(void)
{
	CHECK(scio_field_known("speaker_title") && !scio_field_known("speker"),
	    "the schema's fields are known, a typo is not");
	CHECK_STR(scio_field_near("speker"), "speaker", "a typo's nearest field");
	CHECK_STR(scio_field_name("+score", "--where"), "score", "+NAME is a field outside");
	CHECK(scio_role_known("media") && !scio_role_known("press"),
	    "the four roles, and no other");
	CHECK_STR(scio_fopt_field(SCIO_FOPT_SINCE), "date", "--since tests the date");
	CHECK_STR(scio_fopt_option(SCIO_FOPT_ROLE), "--role", "the options are named");
	CHECK_STR(scio_fopt_check(SCIO_FOPT_UNTIL, "2031-02"), "2031-02",
	    "a good date bound passes the check");
}

int
main(void)
{
	test_same_both_ways();
	test_parent_and_raw();
	test_doc_scanned();
	test_names();
	return CHECK_DONE();
}
