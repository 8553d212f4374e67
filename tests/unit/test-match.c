/* Unit tests for patterns and their literal pre-filter: the literal found
 * for named patterns, case-blind search, and that the pre-filter never
 * refuses a value the pattern matches (over escaped raw JSON text). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/jscan.h"
#include "scio/record/match.h"
#include "check.h"

/* SCIO_MATCH_NO_JIT under valgrind (SCIO_NO_JIT), as the programs do */
static int base_flags;

static void
literal_is(const char *pat, int flags, const char *want)
{
	const char *pats[1] = { pat };
	struct scio_match *m = scio_match_new(pats, 1, flags | base_flags, "-e");
	char what[200];

	snprintf(what, sizeof(what), "literal of '%s'%s is '%s'", pat,
	    flags & SCIO_MATCH_ICASE ? " (-i)" : "", want);
	CHECK_STR(scio_match_literal(m), want, what);
	scio_match_free(m);
}

static void
test_literals(void)
{
	literal_is("security governance", 0, "security governance");
	literal_is("security governance", SCIO_MATCH_ICASE, "ecurity governance");
	literal_is("Kelvin", SCIO_MATCH_ICASE, "elvin");
	literal_is("data (property|rights)", 0, "data ");
	literal_is("colou?r scheme", 0, "r scheme");
	literal_is("ab+cdef", 0, "cdef");
	literal_is("x{2,3}yyyy", 0, "yyyy");
	literal_is("abc{2}", 0, "");	/* "ab" is too short */
	literal_is("foo|barbaz", 0, "");
	literal_is("(?i)needle", 0, "");
	literal_is("\\bthe [0-9]+ cities", 0, " cities");
	literal_is("a\\.b\\.c\\.d", 0, "a.b.c.d");
	literal_is("\\Qx\\E", 0, "");
	literal_is("caf\xc3\xa9 au lait", 0, "caf\xc3\xa9 au lait");
	literal_is("caf\xc3\xa9 au", SCIO_MATCH_ICASE, "caf");
	literal_is("[abc]def*ghi", 0, "ghi");
	literal_is("governance\\s+data", 0, "governance");
	literal_is("a.*bcd", 0, "bcd");
}

static void
test_several(void)
{
	const char *pats[2] = { "a long first string", "second" };
	struct scio_match *m = scio_match_new(pats, 2, SCIO_MATCH_FIXED | base_flags, "-e");

	CHECK(scio_match_maybe(m, "only the second one", 19) &&
	    scio_match_maybe(m, "a long first string", 19) &&
	    !scio_match_maybe(m, "neither of them", 15),
	    "several fixed strings: each one's own literal is looked for");
	scio_match_free(m);
}

static void
test_casemem(void)
{
	const char *hay = "The quick brown fox jumps over the LAZY dog, then rests.";

	CHECK(scio_memcasemem(hay, strlen(hay), "lazy dog", 8), "finds a word in another case");
	CHECK(!scio_memcasemem(hay, strlen(hay), "lazy cat", 8), "does not find what is absent");
	CHECK(scio_memcasemem(hay, strlen(hay), "THE QUICK", 9), "finds at the very start");
	CHECK(scio_memcasemem(hay, strlen(hay), "RESTS.", 6), "finds at the very end");
	CHECK(!scio_memcasemem(hay, 10, "quick brown", 11), "stays within the length");
	CHECK(!scio_memcasemem("\xc3\xa9t\xc3\xa9", 6, "ETE", 3), "non-ASCII bytes do not fold");
}

static uint64_t rng = 42;

static uint32_t
rnd(uint32_t n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng >> 33) % n;
}

/* A random JSON string body: words, case changes, and the escapes other
 * encoders write, including \u spellings of plain letters. */
static void
gen(struct scio_buf *b)
{
	static const char *const bits[] = {
		"security", "SECURITY", "governance", "Governance", " ", " ", "data ",
		"\\n\\n", "\\\"", "\\\\", "\\/", "\\u0073", "\\u0065curity", "governan\\u0063e",
		"\xc5\xbf", "\xe2\x84\xaa", "elvin", "k", "caf\xc3\xa9", "CAF\xc3\x89",
		"\\u00e9", "the ", "sun", "rules", "/", "\\\"q\\\"",
	};
	static const char *const plain[] = {
		"security", "governance", " ", "data ", "rules", "Governance", "\\\"q\\\"",
		"\\n\\n", "the ", "sun", "\\/", "caf\xc3\xa9",
	};
	int n = 1 + (int)rnd(14);
	int escapes = rnd(8) == 0;

	for (int i = 0; i < n; i++) {
		if (escapes)
			scio_buf_adds(b, bits[rnd(LEN(bits))]);
		else
			scio_buf_adds(b, plain[rnd(LEN(plain))]);
	}
}

static void
test_prefilter_exact(void)
{
	static const struct { const char *pat; int flags; } cases[] = {
		{ "security governance", 0 },
		{ "security governance", SCIO_MATCH_ICASE },
		{ "security", SCIO_MATCH_ICASE | SCIO_MATCH_WORD },
		{ "kelvin", SCIO_MATCH_ICASE | SCIO_MATCH_FIXED },
		{ "the sun", SCIO_MATCH_ICASE },
		{ "caf\xc3\xa9", SCIO_MATCH_ICASE },
		{ "\"q\"", SCIO_MATCH_FIXED },
		{ "data /rules", SCIO_MATCH_FIXED },
		{ "governance\\s+data", 0 },
	};
	struct scio_buf raw = {0}, line = {0}, dec = {0};
	struct scio_jobj obj = {0};
	struct scio_jerr err;
	char what[200];

	for (size_t c = 0; c < LEN(cases); c++) {
		const char *pats[1] = { cases[c].pat };
		struct scio_match *m = scio_match_new(pats, 1, cases[c].flags | base_flags, "-e");
		int wrong = 0, hits = 0, skipped = 0;

		for (int i = 0; i < 20000; i++) {
			scio_buf_reset(&raw);
			gen(&raw);
			scio_buf_reset(&line);
			scio_buf_printf(&line, "{\"text\":\"%s\"}", raw.s);
			if (scio_jscan(line.s, line.len, &obj, &err) < 0)
				continue;
			scio_buf_reset(&dec);
			scio_jstr_decode(obj.m[0].val, obj.m[0].vallen, &dec);
			int match = scio_match_test(m, scio_buf_str(&dec), dec.len);
			int maybe = scio_match_maybe(m, raw.s, raw.len);

			hits += match;
			skipped += !maybe;
			if (match && !maybe)
				wrong++;
		}
		snprintf(what, sizeof(what),
		    "pre-filter of '%s' (flags %d) never refuses a match (%d hits, %d skipped)",
		    cases[c].pat, cases[c].flags, hits, skipped);
		CHECK(wrong == 0 && hits > 0 && skipped > 0, what);
		scio_match_free(m);
	}
	scio_buf_free(&raw);
	scio_buf_free(&line);
	scio_buf_free(&dec);
	scio_jobj_free(&obj);
}

int
main(void)
{
	base_flags = getenv("SCIO_NO_JIT") != NULL ? SCIO_MATCH_NO_JIT : 0;
	test_literals();
	test_several();
	test_casemem();
	test_prefilter_exact();
	return CHECK_DONE();
}
