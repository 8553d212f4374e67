/* page.h: one SCIO page read through the passes into the model (model.h). */
#ifndef SCIO_PAGE_H
#define SCIO_PAGE_H

#include <stddef.h>

#include "scio/parse/html.h"
#include "scio/parse/model.h"

/* The name of a kind as records spell it ("transcript", ...). */
const char *scio_kind_name(enum scio_kind k);

/* Reads a page: the text pt of the HTML at url (raw is the HTML itself,
 * for the truncation check), through the passes of passes.h, which claim
 * pt's lines. Fills pg; returns 0, or -1 when the page has no structure
 * scio-parse recognises (pg is then freed). */
int scio_page_read(struct scio_page_text *pt, const char *url,
    const char *raw, size_t rawlen, struct scio_page *pg);

void scio_page_free(struct scio_page *pg);

#endif
