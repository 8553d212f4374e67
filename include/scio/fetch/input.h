/* input.h: the URLs scio-fetch is given, as operands or as lines of
 * input (plain URLs or records with a "url"), added to its crawl.  A bad
 * one is a warning and status 2; the others go on. */
#ifndef SCIO_FETCH_INPUT_H
#define SCIO_FETCH_INPUT_H

#include "scio/fetch/crawl.h"

/* Adds the URL of each line of path ("-": standard input), relative ones
 * resolved against base.  Blank lines and lines starting with '#' are
 * passed over.  A record's "url" must be http or https: it comes from a
 * page, and a page must not open local files. */
void scio_fetch_input_file(struct scio_crawl *c, const char *path,
    const char *base);

/* Adds the URL an operand names ("-": standard input's lines).  An
 * operand without a scheme that names a local file is a usage error: it
 * was meant as -i FILE, not as a page of the site. */
void scio_fetch_input_arg(struct scio_crawl *c, const char *arg,
    const char *base);

#endif
