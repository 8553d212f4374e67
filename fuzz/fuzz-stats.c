/* fuzz-stats: scio-stats and scio-fmt --by exchange on records they did
 * not write (lib/stats*.c, lib/fmt/exchange.c, lib/stats/svg.c): each input is
 * lines of JSON; every line the scanner accepts goes to the counters, the
 * summary and the exchange grouper.  The chart and the report must be
 * well-formed XML, and every exchange must hold the turns it says. */
#include <string.h>

#include <libxml/parser.h>

#include "scio/fmt/exchange.h"
#include "scio/base/jscan.h"
#include "scio/stats/stats.h"
#include "fuzz.h"

static void
check_xml(const struct scio_buf *b, const char *what)
{
	xmlDocPtr doc = xmlReadMemory(b->s, (int)b->len, "chart.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	FUZZ_CHECK(doc != NULL, what);
	xmlFreeDoc(doc);
}

static void
on_exchange(json_t *x, void *arg)
{
	(void)arg;
	FUZZ_CHECK(json_is_array(json_object_get(x, "seqs")), "an exchange without seqs");
	FUZZ_CHECK(json_integer_value(json_object_get(x, "qa")) > 0,
	    "an exchange of the opening");
}

static void
chart(struct scio_stats *s)
{
	struct scio_stab *t = scio_stats_table(s);
	struct scio_buf b = {0};

	scio_svg_chart(t, 0, &b);
	check_xml(&b, "an SVG chart that is not well-formed");
	scio_buf_reset(&b);
	scio_stats_html(t, &b);
	/* the report's DOCTYPE is HTML's; the rest is XML */
	check_xml(&b, "a report that is not well-formed");
	scio_buf_free(&b);
	scio_stab_free(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	char *by1[] = {"agency", "weekday"}, *by2[] = {"month"};
	struct scio_stats_opts o1 = {0}, o2 = {0}, o3 = {0};
	struct scio_stats *s1, *s2, *s3;
	struct scio_xgroup *g;
	struct scio_jobj obj = {0};
	struct scio_jerr err;
	size_t line = 0;

	if (size > 65536)
		return 0;
	o1.by = by1;
	o1.nby = 2;
	o1.count = SCIO_COUNT_WORDS;
	o1.share = 1;
	o2.by = by2;
	o2.nby = 1;
	o2.count = SCIO_COUNT_QUESTIONS;
	o2.per = 1000;
	o3.summary = 1;
	s1 = scio_stats_new(&o1);
	s2 = scio_stats_new(&o2);
	s3 = scio_stats_new(&o3);
	g = scio_xgroup_new(on_exchange, NULL);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct scio_frec r = {0};

		line++;
		if (scio_jscan(p, n, &obj, &err) == 0) {
			r.obj = &obj;
			r.line = p;
			r.len = n;
			scio_stats_turn(s1, &r, NULL, "fuzz", line);
			scio_stats_turn(s2, &r, NULL, "fuzz", line);
			scio_stats_turn(s3, &r, NULL, "fuzz", line);
			scio_xgroup_turn(g, &r, NULL, "fuzz", line);
		}
		p += n + (nl != NULL);
	}
	scio_xgroup_free(g);
	chart(s1);
	chart(s2);
	chart(s3);
	scio_stats_free(s1);
	scio_stats_free(s2);
	scio_stats_free(s3);
	scio_jobj_free(&obj);
	return 0;
}
