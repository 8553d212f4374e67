/* fuzz-http: what scio-fetch takes from a server's headers and body:
 * the charset of a Content-Type value and of a <meta> tag, the decoding
 * of the body to UTF-8, and the page record built from header values
 * (Content-Type, ETag, Last-Modified) of any bytes.  Retry-After is
 * parsed by libcurl (CURLINFO_RETRY_AFTER), not by scio-tools.  Input:
 * the Content-Type, ETag and Last-Modified values and the body,
 * NUL-separated.  The record must be valid UTF-8 JSON; the body's html
 * must be valid UTF-8 without NUL; an ETag must survive the state file. */
#include <string.h>

#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/charset.h"
#include "scio/fetch/crawl.h"
#include "scio/base/jsonl.h"
#include "scio/fetch/state.h"
#include "scio/base/text.h"
#include "fuzz.h"

static const char *
next_field(const char **p, const char *end)
{
	const char *s = *p, *nul;

	if (s >= end || (nul = memchr(s, '\0', (size_t)(end - s))) == NULL)
		return NULL;
	*p = nul + 1;
	return s;
}

static void
check_etag_kept(const char *etag)
{
	struct scio_state *st = scio_state_new("state");
	struct scio_state_entry e = {0};
	struct scio_buf why = {0};
	const struct scio_state_entry *got;
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	e.url = "http://example.invalid/a.htm";
	e.etag = etag;
	scio_state_put(st, &e);
	FUZZ_CHECK(scio_state_write(st, fp) == 0, "state write");
	fclose(fp);
	scio_state_close(st);
	st = scio_state_new("state");
	fp = fmemopen(s, n, "rb");
	FUZZ_CHECK(scio_state_read(st, fp, &why) == 0, "a state with an odd ETag is refused");
	fclose(fp);
	got = scio_state_get(st, e.url);
	FUZZ_CHECK(got != NULL && got->etag != NULL, "the ETag was lost");
	if (scio_utf8_valid(etag, strlen(etag)))
		FUZZ_CHECK(strcmp(got->etag, etag) == 0, "a UTF-8 ETag changed");
	scio_state_close(st);
	scio_buf_free(&why);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *ctype, *etag, *lm;
	struct scio_http_resp resp = {0};
	struct scio_fetched f = {0};
	char *declared = NULL, *cs, *meta;
	struct scio_buf dump = {0};
	json_t *back;

	if (size > 65536)
		return 0;
	ctype = next_field(&p, end);
	etag = next_field(&p, end);
	lm = next_field(&p, end);
	if (ctype == NULL || etag == NULL || lm == NULL)
		return 0;
	cs = scio_charset_from_type(ctype);
	if (cs != NULL) {
		char *dec = scio_charset_decoder(cs);

		FUZZ_CHECK(dec != NULL, "no decoder name");
		free(dec);
	}
	free(cs);
	meta = scio_charset_from_meta(p, (size_t)(end - p));
	free(meta);
	scio_charset_to_utf8(p, (size_t)(end - p), ctype, &f.html, &declared);
	FUZZ_CHECK(scio_utf8_valid(scio_buf_str(&f.html), f.html.len),
	    "a decoded body is not valid UTF-8 (or holds a NUL)");
	resp.url = "http://example.invalid/a.htm";
	resp.final_url = "http://example.invalid/b.htm";
	resp.status = 200;
	resp.fetched_at = "2031-03-14T00:00:00Z";
	resp.content_type = scio_strdup(ctype);
	resp.etag = scio_strdup(etag);
	resp.last_modified = scio_strdup(lm);
	f.resp = &resp;
	f.charset = declared;
	scio_fetched_record(&dump, &f);
	FUZZ_CHECK(dump.len > 0 && dump.s[dump.len - 1] == '\n' &&
	    memchr(dump.s, '\n', dump.len) == dump.s + dump.len - 1,
	    "a page record is not one line");
	FUZZ_CHECK(scio_utf8_valid(dump.s, dump.len), "a page record is not UTF-8");
	back = json_loadb(dump.s, dump.len, 0, NULL);
	FUZZ_CHECK(json_is_object(back), "a page record does not load back");
	FUZZ_CHECK(json_object_size(back) == 10, "a page record lost a field");
	FUZZ_CHECK(json_string_length(json_object_get(back, "html")) == f.html.len &&
	    (f.html.len == 0 || memcmp(json_string_value(json_object_get(back, "html")), f.html.s,
	    f.html.len) == 0), "a page record changed the page");
	json_decref(back);
	scio_buf_free(&dump);
	check_etag_kept(etag);
	free(resp.content_type);
	free(resp.etag);
	free(resp.last_modified);
	free(declared);
	scio_buf_free(&f.html);
	return 0;
}
