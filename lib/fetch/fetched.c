/* fetched.c: a page the crawl hands on: its page record, and freeing it. */
#include <stdlib.h>

#include "scio/base/alloc.h"
#include "scio/base/jwrite.h"
#include "scio/fetch/crawl.h"

void
scio_fetched_free(struct scio_fetched *p)
{
	if (p == NULL)
		return;
	scio_http_resp_free(p->resp);
	free(p->charset);
	free(p->hash);
	free(p->previous_fetched_at);
	scio_buf_free(&p->html);
	free(p);
}

void
scio_fetched_record(struct scio_buf *b, const struct scio_fetched *p)
{
	const struct scio_http_resp *r = p->resp;

	scio_buf_adds(b, "{\"type\":\"page\"");
	scio_jw_kstr(b, "url", r->url);
	scio_jw_kstr(b, "final_url", r->final_url);
	scio_jw_key(b, "status", 0);
	if (r->status)
		scio_buf_printf(b, "%ld", r->status);
	else
		scio_buf_adds(b, "null");
	scio_jw_kstr(b, "fetched_at", r->fetched_at);
	scio_jw_kstr(b, "content_type", r->content_type);
	scio_jw_kstr(b, "charset", p->charset);
	scio_jw_kstr(b, "etag", r->etag);
	scio_jw_kstr(b, "last_modified", r->last_modified);
	scio_jw_key(b, "html", 0);
	scio_jw_strn(b, scio_buf_str(&p->html), p->html.len);
	if (p->revised) {
		scio_buf_adds(b, ",\"revised\":true");
		scio_jw_kstr(b, "previous_fetched_at", p->previous_fetched_at);
	}
	scio_buf_adds(b, "}\n");
}
