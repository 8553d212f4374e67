/* Unit tests for the validating JSON scanner: named edge cases, then a
 * differential test against jansson (the reference: whatever
 * json_loadb(line, len, 0, ...) accepts as an object, the scanner must
 * accept, and nothing else) over valid lines, random lines and
 * deterministically fuzzed mutations of both. */
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/jscan.h"
#include "check.h"

static struct scio_jobj obj;
static struct scio_buf dec;

static int
scan(const char *s, size_t n)
{
	struct scio_jerr err;

	return scio_jscan(s, n, &obj, &err) == 0;
}

#define SCAN(lit) scan(lit, sizeof(lit) - 1)

/* jansson's verdict: a valid line holding an object. */
static int
jansson_accepts(const char *s, size_t n)
{
	json_error_t e;
	json_t *v = json_loadb(s, n, 0, &e);
	int ok = v != NULL && json_is_object(v);

	json_decref(v);
	return ok;
}

static const char *
decoded(const char *key)
{
	const struct scio_jmember *m = scio_jobj_get(&obj, key);

	if (m == NULL || m->type != SCIO_JSTRING)
		return NULL;
	scio_buf_reset(&dec);
	scio_jstr_decode(m->val, m->vallen, &dec);
	return scio_buf_str(&dec);
}

static char *
nested(int arrays, const char *inner, size_t *len)
{
	struct scio_buf b = {0};

	scio_buf_adds(&b, "{\"a\":");
	for (int i = 0; i < arrays; i++)
		scio_buf_addc(&b, '[');
	scio_buf_adds(&b, inner);
	for (int i = 0; i < arrays; i++)
		scio_buf_addc(&b, ']');
	scio_buf_addc(&b, '}');
	*len = b.len;
	return scio_buf_take(&b);
}

struct edge {
	const char *name;
	const char *line;
	size_t len;
	int accept;
};

#define E(name, lit, ok) { name, lit, sizeof(lit) - 1, ok }

static const struct edge edges[] = {
	E("an empty object", "{}", 1),
	E("whitespace around the object", " \t{ \"a\" : 1 }\r\n ", 1),
	E("an empty line", "", 0),
	E("only spaces", "   ", 0),
	E("a top-level array", "[1,2]", 0),
	E("a top-level string", "\"a\"", 0),
	E("trailing garbage", "{\"a\":1}x", 0),
	E("a second object", "{}{}", 0),
	E("a NUL byte after the object", "{}\0", 0),
	E("a vertical tab as whitespace", "{\v}", 0),
	E("a trailing comma in an object", "{\"a\":1,}", 0),
	E("a trailing comma in an array", "{\"a\":[1,]}", 0),
	E("a missing colon", "{\"a\" 1}", 0),
	E("a bare key", "{a:1}", 0),
	E("a single-quoted string", "{\"a\":'x'}", 0),
	E("duplicate keys", "{\"a\":1,\"a\":2}", 1),
	E("true, false and null", "{\"a\":true,\"b\":false,\"c\":null}", 1),
	E("a misspelt literal", "{\"a\":nul}", 0),
	E("a literal run on", "{\"a\":truex}", 0),
	E("a literal followed by a digit", "{\"a\":true1}", 0),
	E("the largest integer", "{\"a\":9223372036854775807}", 1),
	E("an integer one too big", "{\"a\":9223372036854775808}", 0),
	E("the smallest integer", "{\"a\":-9223372036854775808}", 1),
	E("an integer one too small", "{\"a\":-9223372036854775809}", 0),
	E("a twenty-digit integer", "{\"a\":10000000000000000000}", 0),
	E("negative zero", "{\"a\":-0}", 1),
	E("a leading zero", "{\"a\":01}", 0),
	E("a leading plus", "{\"a\":+1}", 0),
	E("a bare minus", "{\"a\":-}", 0),
	E("a trailing dot", "{\"a\":1.}", 0),
	E("a leading dot", "{\"a\":.5}", 0),
	E("an exponent without digits", "{\"a\":1e}", 0),
	E("an exponent with a sign", "{\"a\":1E+5,\"b\":2e-5}", 1),
	E("a real at DBL_MAX", "{\"a\":1.7976931348623157e308}", 1),
	E("a real that rounds past DBL_MAX", "{\"a\":1.7976931348623159e308}", 0),
	E("a real that overflows", "{\"a\":1e309}", 0),
	E("a negative real that overflows", "{\"a\":-1e309}", 0),
	E("a real that underflows (allowed)", "{\"a\":1e-400}", 1),
	E("a long mantissa with a small exponent", "{\"a\":0.000000000000000000001e320}", 1),
	E("zero with a huge exponent", "{\"a\":0e99999}", 1),
	E("a huge integer part as a real", "{\"a\":1000000000000000000000000.5}", 1),
	E("\\u0000 in a value", "{\"a\":\"x\\u0000\"}", 0),
	E("\\u0000 in a key", "{\"a\\u0000\":1}", 0),
	E("\\u0000 in a nested value", "{\"a\":[{\"b\":\"\\u0000\"}]}", 0),
	E("a lone high surrogate escape", "{\"a\":\"\\uD800\"}", 0),
	E("a lone low surrogate escape", "{\"a\":\"\\uDC00\"}", 0),
	E("a surrogate pair", "{\"a\":\"\\uD83D\\uDE00\"}", 1),
	E("two high surrogates", "{\"a\":\"\\uD800\\uD800\"}", 0),
	E("a high surrogate and a letter", "{\"a\":\"\\uD800\\u0041\"}", 0),
	E("a high surrogate and a short escape", "{\"a\":\"\\uD800\\n\"}", 0),
	E("a short \\u escape", "{\"a\":\"\\u12\"}", 0),
	E("a bad hex digit", "{\"a\":\"\\u12G4\"}", 0),
	E("upper and lower hex", "{\"a\":\"\\uAbCd\"}", 1),
	E("every short escape", "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}", 1),
	E("an unknown escape", "{\"a\":\"\\x\"}", 0),
	E("an escaped apostrophe", "{\"a\":\"\\'\"}", 0),
	E("a raw tab in a string", "{\"a\":\"\t\"}", 0),
	E("a raw newline in a string", "{\"a\":\"\n\"}", 0),
	E("a raw DEL in a string", "{\"a\":\"\x7f\"}", 1),
	E("a raw NUL in a string", "{\"a\":\"\0\"}", 0),
	/* jansson loses a NUL it reads ahead after a number or literal. */
	E("one NUL after a number (jansson skips it)", "{\"a\":12\0,\"b\":-0.5e3\0}", 1),
	E("one NUL after a literal (jansson skips it)", "{\"a\":[true\0,null\0],\"b\":false\0}", 1),
	E("two NULs after a number", "{\"a\":12\0\0}", 0),
	E("a NUL after a string", "{\"a\":\"x\"\0}", 0),
	E("a NUL after an array", "{\"a\":[]\0}", 0),
	E("a NUL after a key", "{\"a\"\0:1}", 0),
	E("a NUL before a number", "{\"a\":\0\x31}", 0),
	E("an unterminated string", "{\"a\":\"abc", 0),
	E("two-byte UTF-8", "{\"a\":\"caf\xc3\xa9\"}", 1),
	E("three-byte UTF-8", "{\"a\":\"\xe5\x9b\xbd\"}", 1),
	E("four-byte UTF-8", "{\"a\":\"\xf0\x9f\x98\x80\"}", 1),
	E("U+10FFFF", "{\"a\":\"\xf4\x8f\xbf\xbf\"}", 1),
	E("past U+10FFFF", "{\"a\":\"\xf4\x90\x80\x80\"}", 0),
	E("an overlong two-byte form", "{\"a\":\"\xc0\xaf\"}", 0),
	E("an overlong three-byte form", "{\"a\":\"\xe0\x80\xaf\"}", 0),
	E("an overlong four-byte form", "{\"a\":\"\xf0\x80\x80\xaf\"}", 0),
	E("a surrogate encoded in UTF-8", "{\"a\":\"\xed\xa0\x80\"}", 0),
	E("a stray continuation byte", "{\"a\":\"\x80\"}", 0),
	E("a truncated sequence", "{\"a\":\"\xe5\x9b\"}", 0),
	E("a lead byte at the end", "{\"a\":\"\xe5", 0),
	E("0xff in a string", "{\"a\":\"\xff\"}", 0),
	E("UTF-8 outside a string", "{\"a\":1,\xc3\xa9}", 0),
	E("a byte order mark", "\xef\xbb\xbf{}", 0),
	E("an unclosed object", "{\"a\":1", 0),
	E("an unclosed array", "{\"a\":[1,2}", 0),
	E("a mismatched bracket", "{\"a\":[1}]", 0),
	E("nested objects and arrays", "{\"a\":{\"b\":[1,{\"c\":[]},{}],\"d\":{}}}", 1),
	E("a long string (vector path)",
	    "{\"a\":\"0123456789abcdef0123456789abcdef0123456789abcdef\"}", 1),
	E("a control byte deep in a long string",
	    "{\"a\":\"0123456789abcdef0123456789\x01""bcdef0123456789abcdef\"}", 0),
	E("a quote after sixteen plain bytes",
	    "{\"0123456789abcdef\":\"0123456789abcdef\"}", 1),
};

static void
test_edges(void)
{
	char what[200];

	for (size_t i = 0; i < LEN(edges); i++) {
		const struct edge *e = &edges[i];
		int got = scan(e->line, e->len);

		snprintf(what, sizeof(what), "%s: %s", e->name,
		    e->accept ? "accepted" : "refused");
		CHECK(got == e->accept && jansson_accepts(e->line, e->len) == e->accept,
		    what);
	}
}

static void
test_depth(void)
{
	/* The object is depth 1, its member's value depth 2: 2047 arrays put
	 * the innermost at 2048, jansson's limit. */
	static const struct { int arrays; const char *inner; int accept; } d[] = {
		{ 2047, "", 1 },
		{ 2048, "", 0 },
		{ 2046, "1", 1 },
		{ 2047, "1", 0 },
		{ 2046, "{}", 1 },
		{ 2047, "{}", 0 },
		{ 2046, "{\"x\":1}", 0 },
		{ 100000, "", 0 },
	};
	char what[120];

	for (size_t i = 0; i < LEN(d); i++) {
		size_t len;
		char *s = nested(d[i].arrays, d[i].inner, &len);

		snprintf(what, sizeof(what), "%d nested arrays around '%s': %s",
		    d[i].arrays, d[i].inner, d[i].accept ? "accepted" : "refused");
		CHECK(scan(s, len) == d[i].accept && jansson_accepts(s, len) == d[i].accept,
		    what);
		free(s);
	}
}

static void
test_members(void)
{
	struct scio_jerr err;
	const struct scio_jmember *m;
	long long v;
	static const char line[] =
	    "{\"type\":\"turn\",\"seq\":7,\"speaker\":\"Ann \\\"A\\\" Lee\","
	    "\"text\":\"caf\\u00e9\\n\\nna\\u00efve \\ud83d\\ude00 \xe4\xb8\xad\","
	    "\"n\":null,\"r\":1.5,\"big\":-9223372036854775808,"
	    "\"sp\\u0065aker\":\"last\",\"arr\":[1,\"x\"],\"o\":{\"k\":1}}";

	CHECK(SCAN(line), "a realistic record is accepted");
	CHECK(obj.n == 10, "every top-level member is listed");
	CHECK_STR(decoded("type"), "turn", "a plain string decodes");
	CHECK_STR(decoded("text"), "caf\xc3\xa9\n\nna\xc3\xafve \xf0\x9f\x98\x80 \xe4\xb8\xad",
	    "escapes, a surrogate pair and raw UTF-8 decode");
	CHECK_STR(decoded("speaker"), "last",
	    "a repeated key, spelt with an escape, gives the last value");
	m = scio_jobj_get(&obj, "seq");
	CHECK(m && scio_jint(m, &v) && v == 7, "an integer reads");
	m = scio_jobj_get(&obj, "big");
	CHECK(m && scio_jint(m, &v) && v == LLONG_MIN, "the smallest integer reads");
	m = scio_jobj_get(&obj, "r");
	CHECK(m && m->type == SCIO_JNUMBER && !scio_jint(m, &v), "a real is not an integer");
	m = scio_jobj_get(&obj, "n");
	CHECK(m && m->type == SCIO_JNULL && m->vallen == 4, "null is typed and spanned");
	m = scio_jobj_get(&obj, "arr");
	CHECK(m && m->type == SCIO_JARRAY && m->vallen == 7 && memcmp(m->val, "[1,\"x\"]", 7) == 0,
	    "an array's span covers its brackets");
	m = scio_jobj_get(&obj, "o");
	CHECK(m && m->type == SCIO_JOBJECT && m->vallen == 7, "an object's span covers its braces");
	CHECK(scio_jobj_get(&obj, "k") == NULL, "nested keys are not top-level members");
	CHECK(scio_jobj_get(&obj, "missing") == NULL, "a missing key is NULL");

	CHECK(scio_jscan("{\"a\":1,}", 8, &obj, &err) < 0 && err.column == 8 &&
	    strstr(err.text, "expected") != NULL, "a refusal says where and why");
	CHECK(scio_jscan("{\"a\":\"\\u0000\"}", 14, &obj, &err) < 0 &&
	    strstr(err.text, "u0000") != NULL, "\\u0000 is named in the message");
	CHECK(scio_jscan("{\"a\":9223372036854775808}", 25, &obj, &err) < 0 &&
	    strcmp(err.text, "too big integer") == 0, "an overflowing integer says so");
}

/* A deterministic generator (xorshift64*), so every run fuzzes the same. */
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 0x2545f4914f6cdd1dULL) >> 32) % n;
}

static const char *const pieces[] = {
	"\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\\u",
	"\\uD800", "\\uDC00", "\\u0000", "\\uD83D\\uDE00", "\\n", "\\\"",
	"\xc3", "\xa9", "\xc3\xa9", "\xe4\xb8\xad", "\xed\xa0\x80", "\xf4\x90\x80\x80",
	"\xf0\x9f\x98\x80", "\xe0\x80\x80", "\xc0\xaf", "\xff", "\x1f", "\x7f", "\x01",
	"9223372036854775807", "9223372036854775808", "-9223372036854775809",
	"1e309", "1.7976931348623159e308", "1.7976931348623157e308", "1e-400",
	"-", "0", "01", ".", "e", "E+", "true", "false", "null", "nul", "tru",
	"\"k\":", "{\"x\":[]}", "[[[", "]]]", "\"\"", "-0.5e3",
};

static void
add_piece(struct scio_buf *b, const char *p)
{
	scio_buf_adds(b, p);
}

/* Appends a random string's body (without quotes): plain text, escapes,
 * raw UTF-8, runs long enough to take the vector path. */
static void
gen_string_body(struct scio_buf *b)
{
	static const char *const bits[] = {
		"the ", "State Council ", "security governance", "\\n\\n", "\\\"",
		"\\\\", "\\/", "\\t", "\\u00e9", "\\u4e2d", "\\uD834\\uDD1E",
		"caf\xc3\xa9", "\xe5\x9b\xbd\xe5\x8a\xa1\xe9\x99\xa2", "\xf0\x9f\x98\x80",
		"0123456789abcdefghij", "x", "\x7f", "'", "Q&A: ",
	};
	int n = (int)rnd(12);

	for (int i = 0; i < n; i++)
		scio_buf_adds(b, bits[rnd(LEN(bits))]);
}

static void gen_value(struct scio_buf *b, int depth);

static void
gen_object(struct scio_buf *b, int depth, int members)
{
	static const char *const keys[] = {
		"type", "doc", "speaker", "text", "qa", "seq", "role", "outlet",
		"sp\\u0065aker", "t\\u00e9xt", "", "a b",
	};

	scio_buf_addc(b, '{');
	for (int i = 0; i < members; i++) {
		if (i)
			scio_buf_addc(b, ',');
		if (rnd(4) == 0)
			scio_buf_addc(b, ' ');
		scio_buf_addc(b, '"');
		scio_buf_adds(b, keys[rnd(LEN(keys))]);
		scio_buf_adds(b, rnd(5) ? "\":" : "\" : ");
		gen_value(b, depth + 1);
	}
	scio_buf_addc(b, '}');
}

static void
gen_value(struct scio_buf *b, int depth)
{
	static const char *const nums[] = {
		"0", "-0", "7", "42", "-13", "2024", "3.25", "-0.5", "1e5", "2E-3",
		"6.02e+23", "9223372036854775807", "-9223372036854775808",
		"123456789012345678", "1.7976931348623157e308", "4.9e-324",
	};
	uint32_t k = rnd(depth > 4 ? 6 : 9);

	switch (k) {
	case 0: case 1: case 2:
		scio_buf_addc(b, '"');
		gen_string_body(b);
		scio_buf_addc(b, '"');
		break;
	case 3:
		scio_buf_adds(b, nums[rnd(LEN(nums))]);
		break;
	case 4:
		scio_buf_adds(b, rnd(3) == 0 ? "true" : rnd(2) ? "false" : "null");
		break;
	case 5:
		scio_buf_adds(b, "null");
		break;
	case 6: case 7: {
		int n = (int)rnd(4);

		scio_buf_addc(b, '[');
		for (int i = 0; i < n; i++) {
			if (i)
				scio_buf_adds(b, rnd(4) ? "," : ", ");
			gen_value(b, depth + 1);
		}
		scio_buf_addc(b, ']');
		break;
	}
	default:
		gen_object(b, depth, (int)rnd(4));
		break;
	}
}

static void
mutate(struct scio_buf *b)
{
	size_t at = b->len ? rnd((uint32_t)b->len) : 0;
	struct scio_buf t = {0};
	size_t n;

	switch (rnd(7)) {
	case 0:		/* any byte */
		if (b->len)
			b->s[at] = (char)rnd(256);
		break;
	case 1:		/* one bit */
		if (b->len)
			b->s[at] ^= (char)(1u << rnd(8));
		break;
	case 2:		/* truncate */
		b->len = at;
		break;
	case 3:		/* insert a piece */
	case 4:
		scio_buf_add(&t, b->s, at);
		add_piece(&t, pieces[rnd(LEN(pieces))]);
		scio_buf_add(&t, b->s + at, b->len - at);
		scio_buf_reset(b);
		scio_buf_add(b, t.s, t.len);
		break;
	case 5:		/* delete a few bytes */
		n = 1 + rnd(8);
		if (at + n > b->len)
			n = b->len - at;
		memmove(b->s + at, b->s + at + n, b->len - at - n);
		b->len -= n;
		break;
	default:	/* insert a raw NUL */
		scio_buf_add(&t, b->s, at);
		scio_buf_add(&t, "", 1);
		scio_buf_add(&t, b->s + at, b->len - at);
		scio_buf_reset(b);
		scio_buf_add(b, t.s, t.len);
		break;
	}
	scio_buf_free(&t);
}

static const char *const seeds[] = {
	"{\"type\":\"turn\",\"doc\":\"4417203\",\"url\":\"http://example.org/pressroom/2023-05/12/content_4417203.htm\",\"page\":1,\"seq\":3,\"title\":\"SCIO briefing on invented topics\",\"date\":\"2023-05-10\",\"speaker\":\"Zhou Minghe\",\"role\":\"official\",\"outlet\":null,\"qa\":1,\"text\":\"Thank you for your question.\\n\\nWe will improve \\\"security governance\\\" in three aspects:\"}",
	"{\"type\":\"doc\",\"doc\":\"node_12345\",\"urls\":[\"a\",\"b\"],\"speakers\":[{\"name\":\"Ms. Qiao L\xc3\xad\",\"honorific\":\"Ms.\",\"title\":null}],\"turns\":[{\"seq\":0,\"page\":1,\"speaker\":\"\xe6\x9d\x8e\xe5\x9b\x9b\",\"role\":\"chair\",\"outlet\":null,\"qa\":0,\"text\":\"Good morning.\"}]}",
	"{\"type\":\"page\",\"status\":200,\"etag\":null,\"html\":\"<p class=\\\"x\\\">caf\\u00e9 \\ud83d\\ude00</p>\\r\\n\",\"r\":-1.25e-3}",
	"{ \"a\" : [ 1 , 2.5 , -3e2 , true , false , null , { } , [ ] ] , \"b\" : \"\\/\\b\\f\\t\" }",
};

static void
report(const char *kind, const char *s, size_t n, int mine, int ref)
{
	struct scio_buf b = {0};

	for (size_t i = 0; i < n && i < 300; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f)
			scio_buf_addc(&b, c);
		else
			scio_buf_printf(&b, "\\x%02x", c);
	}
	printf("# %s: scanner %s, jansson %s: %s\n", kind, mine ? "accepts" : "refuses",
	    ref ? "accepts" : "refuses", scio_buf_str(&b));
	scio_buf_free(&b);
}

/* Compares one line with jansson: the verdict, and for an accepted line
 * every top-level key, type, integer and decoded string. Returns 0 when
 * they agree. */
static int
differ(const char *kind, const char *s, size_t n, int *shown)
{
	json_error_t e;
	json_t *j = json_loadb(s, n, 0, &e);
	int ref = j != NULL && json_is_object(j);
	int mine = scan(s, n);
	size_t distinct = 0;
	int bad = 0;

	if (mine != ref) {
		if ((*shown)++ < 5)
			report(kind, s, n, mine, ref);
		json_decref(j);
		return 1;
	}
	for (size_t i = 0; mine && i < obj.n && !bad; i++) {
		struct scio_buf key = {0};
		const struct scio_jmember *m;
		json_t *r;
		long long v;

		scio_jstr_decode(obj.m[i].key - 1, obj.m[i].keylen + 2, &key);
		m = scio_jobj_get(&obj, scio_buf_str(&key));
		r = json_object_getn(j, scio_buf_str(&key), key.len);
		if (m == &obj.m[i])
			distinct++;
		if (m == NULL || r == NULL) {
			bad = 1;
		} else if (m->type == SCIO_JSTRING) {
			scio_buf_reset(&dec);
			scio_jstr_decode(m->val, m->vallen, &dec);
			bad = !json_is_string(r) || json_string_length(r) != dec.len ||
			    memcmp(json_string_value(r), scio_buf_str(&dec), dec.len) != 0;
		} else if (m->type == SCIO_JNUMBER) {
			if (scio_jint(m, &v))
				bad = !json_is_integer(r) || json_integer_value(r) != v;
			else
				bad = !json_is_real(r);
		} else {
			static const json_type want[] = {
				[SCIO_JNULL] = JSON_NULL, [SCIO_JFALSE] = JSON_FALSE,
				[SCIO_JTRUE] = JSON_TRUE, [SCIO_JARRAY] = JSON_ARRAY,
				[SCIO_JOBJECT] = JSON_OBJECT,
			};
			bad = json_typeof(r) != want[m->type];
		}
		scio_buf_free(&key);
	}
	if (mine && !bad && distinct != json_object_size(j))
		bad = 1;
	if (bad && (*shown)++ < 5)
		report(kind, s, n, 2, 1);
	json_decref(j);
	return bad;
}

static void
test_differential(void)
{
	struct scio_buf b = {0};
	int shown = 0, bad, accepted;
	int n_seed = (int)LEN(seeds);
	char what[160];

	bad = 0;
	for (int i = 0; i < n_seed; i++)
		bad += differ("seed", seeds[i], strlen(seeds[i]), &shown);
	for (size_t i = 0; i < LEN(edges); i++)
		bad += differ("edge", edges[i].line, edges[i].len, &shown);
	CHECK(bad == 0, "seeds and edge cases: same verdict and values as jansson");

	bad = accepted = 0;
	for (int i = 0; i < 20000; i++) {
		scio_buf_reset(&b);
		gen_object(&b, 1, 1 + (int)rnd(8));
		bad += differ("generated", b.s, b.len, &shown);
		accepted += jansson_accepts(b.s, b.len);
	}
	snprintf(what, sizeof(what),
	    "20000 generated lines (%d valid): same verdict and values as jansson", accepted);
	CHECK(bad == 0 && accepted > 19000, what);

	bad = accepted = 0;
	for (int i = 0; i < 60000; i++) {
		scio_buf_reset(&b);
		if (i % 3 == 0)
			scio_buf_adds(&b, seeds[rnd((uint32_t)n_seed)]);
		else
			gen_object(&b, 1, 1 + (int)rnd(6));
		for (int k = 1 + (int)rnd(3); k > 0; k--)
			mutate(&b);
		bad += differ("mutated", b.s, b.len, &shown);
		accepted += jansson_accepts(b.s, b.len);
	}
	snprintf(what, sizeof(what),
	    "60000 fuzzed mutations (%d still valid): same verdict and values as jansson",
	    accepted);
	CHECK(bad == 0 && accepted > 3000 && accepted < 57000, what);
	scio_buf_free(&b);
}

int
main(void)
{
	test_edges();
	test_depth();
	test_members();
	test_differential();
	scio_jobj_free(&obj);
	scio_buf_free(&dec);
	return CHECK_DONE();
}
