/* state_impl.h: what the lib/fetch/state*.c files share; not for
 * programs. */
#ifndef SCIO_STATE_IMPL_H
#define SCIO_STATE_IMPL_H

#include <stdio.h>

#include "scio/fetch/state.h"

/* Writes e as one line of JSON, its keys in a fixed order, each string
 * byte for byte as jansson writes it compactly. */
void scio_state_put_line(FILE *fp, const struct scio_state_entry *e);

#endif
