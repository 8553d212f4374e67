/* warc_impl.h: what lib/fetch/warc.c and warc_repair.c share; not for
 * programs. */
#ifndef SCIO_WARC_IMPL_H
#define SCIO_WARC_IMPL_H

#include <stddef.h>

/* The value of header name (with its colon) in head[0..n), or -1 when
 * absent or not a number. */
long long scio_warc_head_number(const char *head, size_t n, const char *name);

/* Walks the records of the existing WARC file open on fd (read-write;
 * path names it in messages; gz: a .warc.gz, each record its own gzip
 * member).  A file that ends inside a record (a run killed, or a disk
 * full, while writing it) is cut back to its last whole exchange, with a
 * warning; a file that is not WARC, or is broken before its end, is
 * refused: the program ends (status 2).  Not a regular file: nothing is
 * checked. */
void scio_warc_repair(int fd, const char *path, int gz);

#endif
