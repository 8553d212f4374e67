/* jscan_impl.h: what the scanner (lib/base/jscan.c) shares with the
 * reading of scanned values (lib/base/jvalue.c). Not for callers: they
 * use scio/base/jscan.h. */
#ifndef SCIO_JSCAN_IMPL_H
#define SCIO_JSCAN_IMPL_H

#include "scio/base/text.h"

/* The value of the four hex digits at p (the caller checked that four
 * bytes are there), or -1. */
static inline long
scio_jhex4(const unsigned char *p)
{
	long v = 0;

	for (int i = 0; i < 4; i++) {
		int h = scio_hexval(p[i]);

		if (h < 0)
			return -1;
		v = v << 4 | h;
	}
	return v;
}

#endif
