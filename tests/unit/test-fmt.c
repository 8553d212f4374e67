/* Unit tests for scio-fmt's machinery: display width, wrapping, hit spans
 * and templates. */
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "scio/base/alloc.h"
#include "scio/base/text.h"
#include "scio/fmt/fmt.h"
#include "scio/fmt/template.h"
#include "scio/base/width.h"
#include "scio/base/wrap.h"
#include "check.h"

static void
collect(const char *s, size_t start, size_t end, void *arg)
{
	struct scio_buf *b = arg;

	scio_buf_add(b, s + start, end - start);
	scio_buf_addc(b, '|');
}

static const char *
wrap(const char *s, size_t width)
{
	static struct scio_buf b;

	scio_buf_reset(&b);
	scio_wrap(s, 0, strlen(s), width, collect, &b);
	return scio_buf_str(&b);
}

static void
test_width(void)
{
	CHECK(scio_str_width("abc", 3) == 3, "ASCII is one column a character");
	CHECK(scio_str_width("中文", 6) == 4, "CJK ideographs are two columns");
	CHECK(scio_str_width("ＡＢ", 6) == 4, "fullwidth letters are two columns");
	CHECK(scio_str_width("e\xCC\x81", 3) == 1, "a combining accent takes no column");
	CHECK(scio_str_width("한", 3) == 2, "Hangul syllables are two columns");
	CHECK(scio_str_cut("中文字", 9, 5) == 6, "a cut never splits a wide character");
	CHECK(scio_str_cut("e\xCC\x81x", 4, 1) == 3, "a cut keeps a combining mark with its base");
	CHECK(scio_utf8_count("a中\xF0\x9F\x98\x80", 8) == 3, "counts code points");

	uint32_t cp;
	CHECK(scio_utf8_decode("\xC0\xAF", 2, &cp) == 1 && cp == 0xFFFD,
	    "an overlong sequence decodes as U+FFFD");
	CHECK(scio_utf8_decode("\xE4\xB8", 2, &cp) == 1 && cp == 0xFFFD,
	    "a truncated sequence decodes as U+FFFD");

	/* glibc agrees with our table in C.UTF-8, where it is available. */
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL) {
		static const uint32_t sample[] = {0x41, 0x4E2D, 0x3002, 0xFF21,
		    0xAC00, 0x300, 0x1100, 0x20000, 0x1F600, 0xE9, 0x2014};
		int same = 1;

		for (size_t i = 0; i < LEN(sample); i++)
			if (wcwidth((wchar_t)sample[i]) != scio_cp_width(sample[i]))
				same = 0;
		CHECK(same, "the width table agrees with glibc's wcwidth on a sample");
	}
}

static void
test_wrap(void)
{
	CHECK_STR(wrap("one two three four", 9), "one two|three|four|",
	    "breaks at spaces within the width");
	CHECK_STR(wrap("  lead and trail  ", 40), "lead and trail|",
	    "drops spaces at both ends");
	CHECK_STR(wrap("abcdefghij", 4), "abcd|efgh|ij|", "splits a word longer than the width");
	CHECK_STR(wrap("中文中文中文", 5), "中文|中文|中文|",
	    "breaks between wide characters by columns");
	CHECK_STR(wrap("中文中。中文", 6), "中文|中。中|文|",
	    "never starts a line with a closing full stop");
	CHECK_STR(wrap("ab 中文", 5), "ab 中|文|", "mixes words and wide characters");
	CHECK_STR(wrap("no limit at all here", 0), "no limit at all here|",
	    "width 0 means one line");
	CHECK_STR(wrap("   ", 10), "", "a blank paragraph gives no line");
}

static void
test_marks(void)
{
	const char *line = "{\"type\":\"turn\",\"text\":\"中文 and data\","
	    "\"matches\":[[7,11],[0,1],[1,2]]}";
	json_t *rec = json_loads(line, 0, NULL);
	struct scio_frec r = {0};
	struct scio_marks m = {0};
	struct scio_buf out = {0};
	const char *text = json_string_value(json_object_get(rec, "text"));

	r.json = rec;
	scio_marks_load(&m, &r, "text", text, strlen(text));
	CHECK(m.n == 2 && m.v[0].start == 0 && m.v[0].end == 6 &&
	    m.v[1].start == 11 && m.v[1].end == 15,
	    "code point offsets become merged, sorted byte spans");
	scio_marks_emit(&out, text, 0, strlen(text), &m,
	    (scio_esc_fn *)scio_buf_add, "[", "]");
	CHECK_STR(out.s, "[中文] and [data]", "marks are put around the spans");
	scio_buf_reset(&out);
	scio_marks_emit(&out, text, 3, 13, &m, (scio_esc_fn *)scio_buf_add, "[", "]");
	CHECK_STR(out.s, "[文] and [da]", "a span crossing a segment's edge is cut to it");
	scio_marks_load(&m, &r, "speaker", text, strlen(text));
	CHECK(m.n == 0, "matches into text do not mark another field");
	json_object_set_new(rec, "matches", json_string("junk"));
	scio_marks_load(&m, &r, "text", text, strlen(text));
	CHECK(m.n == 0, "a malformed matches field marks nothing");
	json_object_set_new(rec, "matches", json_loads("[[2,99]]", 0, NULL));
	scio_marks_load(&m, &r, "text", text, strlen(text));
	CHECK(m.n == 1 && m.v[0].end == strlen(text), "a span past the end is clipped");
	scio_marks_free(&m);
	scio_buf_free(&out);
	json_decref(rec);
}

static void
test_template(void)
{
	struct scio_buf err = {0}, out = {0}, tmp = {0};
	json_t *rec = json_loads("{\"date\":\"2031-01-02\",\"speaker\":\"中文名字\","
	    "\"qa\":3,\"outlet\":null,\"extra\":[1,2]}", 0, NULL);
	struct scio_frec r = {0};
	struct scio_template *t;

	r.json = rec;
	t = scio_template_compile("{date}\\t{speaker:5}|{qa}|{outlet}|{+extra}\\{\\}", &err);
	CHECK(t != NULL, "compiles a template");
	if (t) {
		scio_template_expand(t, &r, &out, &tmp);
		CHECK_STR(out.s, "2031-01-02\t中文|3||[1,2]{}",
		    "substitutes, cuts by columns, escapes");
		scio_template_free(t);
	}
	CHECK(scio_template_compile("{speker}", &err) == NULL &&
	    strstr(scio_buf_str(&err), "'speker'") != NULL,
	    "an unknown field is refused by name");
	CHECK(scio_template_compile("{date", &err) == NULL, "an open brace is refused");
	CHECK(scio_template_compile("{date:0}", &err) == NULL, "width 0 is refused");
	scio_buf_free(&err);
	scio_buf_free(&out);
	scio_buf_free(&tmp);
	json_decref(rec);
}

static void
xml(const char *in, size_t n, const char *want, const char *what)
{
	struct scio_buf b = {0};

	scio_xml_esc(&b, in, n);
	CHECK_STR(scio_buf_str(&b), want, what);
	scio_buf_free(&b);
}

/* scio-fmt's HTML and scio-stats' HTML and SVG share one escaper. */
static void
test_xml_esc(void)
{
	xml("a<b>&\"c'", 8, "a&lt;b&gt;&amp;&quot;c&#39;", "xml: the five markup characters");
	xml("one\ttwo\r\nthree", 14, "one two  three", "xml: tab, CR and LF as spaces");
	xml("bell\a.", 6, "bell\xEF\xBF\xBD.", "xml: a C0 control as U+FFFD");
	xml("del\x7F.", 5, "del\xEF\xBF\xBD.", "xml: DEL as U+FFFD");
	xml("csi\xC2\x9B[2J", 8, "csi\xEF\xBF\xBD[2J", "xml: a C1 control (two bytes) as one U+FFFD");
	xml("nbsp\xC2\xA0.", 7, "nbsp\xC2\xA0.", "xml: U+00A0 kept");
	xml("x\xEF\xBF\xBEy\xEF\xBF\xBFz", 9, "x\xEF\xBF\xBDy\xEF\xBF\xBDz",
	    "xml: the noncharacters U+FFFE and U+FFFF as U+FFFD");
	xml("\xEF\xBF\xBD\xEF\xBF\xBC", 6, "\xEF\xBF\xBD\xEF\xBF\xBC", "xml: U+FFFD and U+FFFC kept");
	xml("\xE4\xB8\xAD\xE6\x96\x87", 6, "\xE4\xB8\xAD\xE6\x96\x87", "xml: CJK kept");
	xml("cut\xC2", 4, "cut\xC2", "xml: a lone lead byte at the end is left as it is");
	xml("end\xEF\xBF", 5, "end\xEF\xBF", "xml: a cut U+FFFx at the end is left as it is");
	xml("", 0, "", "xml: nothing");
}

int
main(void)
{
	test_xml_esc();
	test_width();
	test_wrap();
	test_marks();
	test_template();
	return CHECK_DONE();
}
