/* sha1.h: SHA-1 (FIPS 180-4) and base32 (RFC 4648), for the digests of
 * WARC records ("sha1:" and the digest in base32, as WARC readers expect).
 * SHA-1 is used here as a checksum, not for security. */
#ifndef SCIO_SHA1_H
#define SCIO_SHA1_H

#include <stddef.h>
#include <stdint.h>

#define SCIO_SHA1_SIZE 20
/* "sha1:" and 32 base32 characters, and the NUL. */
#define SCIO_SHA1_LABEL_SIZE 38

struct scio_sha1 {
	uint32_t h[5];
	uint64_t bytes;			/* hashed so far */
	unsigned char block[64];	/* a partial block */
	size_t used;
};

void scio_sha1_init(struct scio_sha1 *c);
void scio_sha1_update(struct scio_sha1 *c, const void *p, size_t n);
/* Writes the digest; c must be initialised again before reuse. */
void scio_sha1_final(struct scio_sha1 *c, unsigned char out[SCIO_SHA1_SIZE]);

/* Base32 of in[0..n) with the RFC 4648 alphabet and '=' padding into out,
 * which holds (n + 4) / 5 * 8 + 1 bytes. */
void scio_base32(const unsigned char *in, size_t n, char *out);

/* "sha1:" and the base32 digest of p[0..n) into out. */
void scio_sha1_label(const void *p, size_t n, char out[SCIO_SHA1_LABEL_SIZE]);

#endif
