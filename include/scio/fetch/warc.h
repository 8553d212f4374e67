/* warc.h: writing HTTP exchanges as WARC/1.1 records (--warc FILE). */
#ifndef SCIO_WARC_H
#define SCIO_WARC_H

#include <stddef.h>

struct scio_warc;

/* What the warcinfo record of a run says beside the software (each may
 * be NULL). */
struct scio_warc_info {
	const char *robots;	/* "classic": robots.txt obeyed; "ignore" */
	const char *user_agent;
	const char *from;	/* the From: address sent, if any */
};

/* Opens path for appending and writes a warcinfo record naming the
 * software and what info says.  A name ending in .gz makes every record
 * its own gzip member (a reader can start at any of them). An existing
 * file is first walked record by record: one that
 * ends in a torn record (a run stopped while writing it) is cut back to
 * its last whole exchange, with a warning; one that is not WARC, or is
 * damaged before its end, is refused. Ends the program (status 2) when
 * it cannot go on. */
struct scio_warc *scio_warc_open(const char *path,
    const struct scio_warc_info *info);

/* Writes one exchange: a request record (req: the request head as sent)
 * and a response record (head: status line and headers as received;
 * body: as sent, still in its Content-Encoding, with only a chunked
 * transfer coding undone), linked by WARC-Concurrent-To, each with its
 * WARC-Block-Digest, the response with its WARC-Payload-Digest (sha1,
 * base32). A chunked response is stored with its Transfer-Encoding
 * header renamed X-Scio-Transfer-Encoding and a Content-Length of the
 * body. ip, when not NULL, is the server's address (WARC-IP-Address);
 * date is RFC 3339 UTC. A write error ends the program (status 2).
 * The two records go to the file in one write (cut off again after a
 * short one), before this returns. */
void scio_warc_exchange(struct scio_warc *w, const char *uri, const char *ip,
    const char *date, const char *req, size_t reqlen, const char *head,
    size_t headlen, const char *body, size_t bodylen);

/* fsyncs the file (for a state checkpoint): 0, or -1 after a warning. */
int scio_warc_sync(struct scio_warc *w);

/* fsyncs and closes; a write error ends the program (status 2). */
void scio_warc_close(struct scio_warc *w);

#endif
