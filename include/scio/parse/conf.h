/* conf.h: the pages of one conference merged into its turns and records. */
#ifndef SCIO_CONF_H
#define SCIO_CONF_H

#include <stddef.h>
#include "scio/base/alloc.h"

#include "scio/parse/model.h"
#include "scio/parse/page.h"
#include "scio/base/strmap.h"
#include "scio/base/strset.h"

/* Conferences waiting for their pages. */
struct scio_confset {
	struct scio_conf **confs;
	size_t n, cap;
	size_t arrivals;
	struct scio_strmap written;	/* keys of conferences given out, to
					 * the hashes of the pages given */
	struct scio_strset repeated;	/* of those, the ones a page came
					 * again for (said once each) */
};

/* Adds a page (taking ownership). Returns the conference it completes,
 * now removed from the set (the caller frees it with scio_conf_free), or
 * NULL while pages are still missing. A conference is the pages of one id
 * on one host (mirrors number their pages otherwise). A page seen twice
 * is dropped with a note on stderr. Pages of a conference already given
 * out are gathered again: when one of them differs from the page given
 * out (a revision), the conference is given out again as its new
 * version, revised; else it is a repeat of at-least-once delivery,
 * dropped with a note said once for each conference. */
struct scio_conf *scio_confset_add(struct scio_confset *set, struct scio_page *pg);

/* Removes and returns the conference that arrived first, or NULL: for the
 * end of input, when missing pages will not come.  Repeats that hold no
 * revision are dropped on the way, as scio_confset_add drops them. */
struct scio_conf *scio_confset_pop(struct scio_confset *set);

void scio_conf_free(struct scio_conf *c);

/* Frees what the set holds. */
void scio_confset_free(struct scio_confset *set);

/* Appends the conference's turn records to out, one JSON line per
 * speaker turn, in order; returns how many. */
size_t scio_conf_turns(const struct scio_conf *c, struct scio_buf *out);

/* Appends the conference as one doc record, its turns nested. */
void scio_conf_doc(const struct scio_conf *c, struct scio_buf *out);

/* Appends a page of a kind that stands alone (article, notice) as a doc
 * record. */
void scio_page_doc(const struct scio_page *pg, struct scio_buf *out);

/* Appends a listing page's items as link records; returns how many. */
size_t scio_page_links(const struct scio_page *pg, struct scio_buf *out);

#endif
