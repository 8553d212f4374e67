/* run.c: scio-fetch's run, from its options to its exit status. */
#include <stdlib.h>
#include <unistd.h>

#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/base/out.h"
#include "scio/base/signals.h"
#include "scio/fetch/robots.h"
#include "scio/fetch/run.h"
#include "scio/fetch/state.h"
#include "scio/fetch/urlname.h"
#include "scio/fetch/warc.h"

static int
sync_warc(void *w)
{
	return scio_warc_sync(w);
}

/* Opens the state and resumes the output where its last delivery ended. */
static void
open_state(struct scio_fetch_run *r)
{
	struct scio_state *st;

	if (r->o.state_path == NULL) {
		scio_out_resume(-1);
		return;
	}
	st = r->o.crawl.state = scio_state_open(r->o.state_path);
	scio_out_resume(scio_state_output_size(st, STDOUT_FILENO));
	scio_state_watch_output(st, STDOUT_FILENO);
}

static void
open_warc(struct scio_fetch_run *r)
{
	struct scio_http_opts *ho = &r->o.http;
	/* The run's policy, for the warcinfo record. */
	struct scio_warc_info wi = { .robots = r->o.robots ? "classic" : "ignore",
	    .user_agent = ho->user_agent, .from = r->o.from };

	if (r->o.warc_path == NULL)
		return;
	ho->warc = scio_warc_open(r->o.warc_path, &wi);
	/* The WARC is fsync'ed before the state says its pages are done. */
	if (r->o.crawl.state != NULL)
		scio_state_presave(r->o.crawl.state, sync_warc, ho->warc);
}

void
scio_fetch_start(struct scio_fetch_run *r, const struct scio_fetch_opts *o)
{
	struct scio_http_opts *ho;

	*r = (struct scio_fetch_run){ .o = *o };
	ho = &r->o.http;
	if (o->from != NULL)
		ho->user_agent = r->user_agent =
		    scio_contact_user_agent(ho->user_agent, o->from);
	ho->from = o->from;
	open_state(r);
	open_warc(r);
	if (o->robots)
		ho->robots = scio_robots_new("scio-fetch", r->o.crawl.state);
	r->o.crawl.window = ho->jobs * 4;
	r->o.crawl.quiet = o->quiet;
	ho->stop = r->stop = scio_catch_stop_signals();
	r->progress = scio_progress_new(o->quiet, o->term);
	scio_progress_watch(r->progress, ho);
	r->http = scio_http_new(ho);
	r->crawl = scio_crawl_new(r->http, &r->o.crawl);
	scio_progress_crawl(r->progress, r->crawl);
}

void
scio_fetch_deliver(struct scio_fetch_run *r, struct scio_fetched *p)
{
	int last = p->last;

	if (p->outcome == SCIO_FETCH_FAILED) {
		scio_progress_clear(r->progress);
		scio_warn("%s: %s", p->resp->url, p->resp->error);
		scio_set_status(SCIO_EXIT_NONE);
	} else if (p->outcome == SCIO_FETCH_NEW) {
		/* A body that cannot be kept loses no record. */
		if (r->o.save_dir != NULL && scio_save_body(r->o.save_dir,
		    p->resp->url, scio_buf_str(&p->resp->body),
		    p->resp->body.len) < 0)
			scio_set_status(SCIO_EXIT_ERROR);
		scio_fetched_record(&r->group, p);
	}
	scio_crawl_done(r->crawl, p);
	if (last) {
		scio_out_write(r->group.s, r->group.len);
		scio_out_flush();
		scio_buf_reset(&r->group);
		scio_crawl_commit(r->crawl);
	}
	scio_progress_tick(r->progress, r->http);
}

int
scio_fetch_end(struct scio_fetch_run *r)
{
	struct scio_state *st = r->o.crawl.state;
	int sig = *r->stop;

	scio_progress_finish(r->progress, r->http);
	if (sig)
		scio_warn("stopped by %s: pages not yet written are fetched by "
		    "the next run", scio_signal_name(sig));
	if (st != NULL) {
		scio_state_checkpoint(st, 0);
		scio_state_close(st);
	}
	scio_warc_close(r->o.http.warc);
	scio_crawl_free(r->crawl);
	scio_http_free(r->http);
	scio_robots_free(r->o.http.robots);
	free(r->user_agent);
	scio_buf_free(&r->group);
	scio_out_close();
	if (*r->stop)
		scio_die_of_signal(*r->stop);
	return scio_exit_status();
}
