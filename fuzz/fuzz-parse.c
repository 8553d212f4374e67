/* fuzz-parse: the whole of scio-parse from page HTML to records: charset
 * detection, libxml2, line cutting, page reading, the conference set and
 * every record writer.  Each output line must be one JSON object in valid
 * UTF-8.  The first input byte picks the URL the page claims to be at. */
#include <string.h>

#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/charset.h"
#include "scio/parse/conf.h"
#include "scio/parse/html.h"
#include "scio/parse/page.h"
#include "scio/base/text.h"
#include "fuzz.h"

static const char *const urls[] = {
	"http://english.scio.gov.cn/pressroom/2031-03/14/content_40000001.htm",
	"http://english.scio.gov.cn/pressroom/2031-03/14/content_40000001_2.htm",
	"http://english.scio.gov.cn/m/pressroom/2031-03/14/content_40000001_3.htm",
	"http://english.scio.gov.cn/pressroom/node_9001.htm",
	"http://english.scio.gov.cn/pressroom/node_9001_2.htm",
	"http://www.china.org.cn/china/2031-03/14/content_40000002.htm",
	"http://english.scio.gov.cn/m/index.htm",
	NULL,
};

static void
check_lines(const struct scio_buf *out)
{
	const char *p = scio_buf_str(out), *end = p + out->len;

	FUZZ_CHECK(out->len == 0 || end[-1] == '\n', "output does not end in a newline");
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		json_t *v;

		FUZZ_CHECK(nl != NULL, "a record without its newline");
		FUZZ_CHECK(scio_utf8_valid(p, (size_t)(nl - p)), "a record is not valid UTF-8");
		v = json_loadb(p, (size_t)(nl - p), 0, NULL);
		FUZZ_CHECK(json_is_object(v), "a record is not a JSON object");
		FUZZ_CHECK(json_is_string(json_object_get(v, "type")), "a record without a type");
		json_decref(v);
		p = nl + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scio_page_text pt = {0};
	struct scio_buf utf8 = {0}, out = {0};
	struct scio_confset set = {0};
	struct scio_conf *c;
	struct scio_page *pg;
	const char *url;

	if (size < 1)
		return 0;
	url = urls[data[0] % LEN(urls)];
	data++;
	size--;
	scio_charset_to_utf8((const char *)data, size, NULL, &utf8, NULL);
	FUZZ_CHECK(scio_utf8_valid(scio_buf_str(&utf8), utf8.len),
	    "charset conversion gave invalid UTF-8");
	if (scio_html_read(scio_buf_str(&utf8), utf8.len, "UTF-8", &pt) < 0)
		goto done;
	for (size_t i = 0; i < pt.nlines; i++)
		FUZZ_CHECK(scio_utf8_valid(pt.lines[i].text, strlen(pt.lines[i].text)),
		    "a line of text is not valid UTF-8");
	pg = scio_malloc(sizeof(*pg));
	if (scio_page_read(&pt, url, scio_buf_str(&utf8), utf8.len, pg) < 0) {
		free(pg);
		goto done;
	}
	switch (pg->kind) {
	case SCIO_KIND_LISTING:
		scio_page_links(pg, &out);
		break;
	case SCIO_KIND_ARTICLE:
	case SCIO_KIND_NOTICE:
		scio_page_doc(pg, &out);
		break;
	default:
		c = scio_confset_add(&set, pg);
		pg = NULL;
		if (c == NULL)
			c = scio_confset_pop(&set);
		if (c != NULL) {
			if (scio_conf_turns(c, &out) == 0)
				scio_conf_doc(c, &out);
			scio_conf_doc(c, &out);
			scio_conf_free(c);
		}
		scio_confset_free(&set);
		break;
	}
	if (pg != NULL) {
		scio_page_free(pg);
		free(pg);
	}
	check_lines(&out);
done:
	scio_page_text_free(&pt);
	scio_buf_free(&utf8);
	scio_buf_free(&out);
	return 0;
}
