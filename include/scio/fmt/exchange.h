/* exchange.h: grouping turns into exchanges (one question from the floor,
 * the answers it got, and the chair's words between them), the unit
 * scio-fmt --by exchange writes one row or record for. */
#ifndef SCIO_EXCHANGE_H
#define SCIO_EXCHANGE_H

#include <stddef.h>
#include <jansson.h>

#include "scio/fmt/fmt.h"

/* The default csv and tsv columns of exchange records. */
extern const char *const scio_exchange_fields[];

/* Called with each finished exchange record (borrowed: the grouper frees
 * it after the call). */
typedef void scio_xemit_fn(json_t *x, void *arg);

struct scio_xgroup;

struct scio_xgroup *scio_xgroup_new(scio_xemit_fn *emit, void *arg);

/* Feeds one turn, read at file:line. The turns of an exchange are those
 * of one conference (doc) with the same qa > 0, one after another; a turn
 * with qa 0 (the opening) or none ends the exchange before it and is part
 * of no exchange. people, when not NULL, is a doc's speakers and chair
 * (borrowed), where an official's title is looked up when the turn has no
 * speaker_title. */
void scio_xgroup_turn(struct scio_xgroup *g, const struct scio_frec *r,
    const json_t *people, const char *file, size_t line);

/* Feeds every turn of a doc record (a jansson tree), the doc's fields
 * showing through where a turn has none. */
void scio_xgroup_doc(struct scio_xgroup *g, const struct scio_frec *doc,
    const char *file, size_t line);

/* Emits the exchange in progress, if any. */
void scio_xgroup_flush(struct scio_xgroup *g);

/* Flushes and frees g. */
void scio_xgroup_free(struct scio_xgroup *g);

#endif
