/* sha1.c: SHA-1 as FIPS 180-4 section 6.1 describes it, and base32. */
#include <string.h>

#include "scio/base/sha1.h"

static uint32_t
rol(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* One 512-bit block into the hash state (FIPS 180-4, 6.1.2). */
static void
compress(uint32_t h[5], const unsigned char *block)
{
	uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];

	for (size_t t = 0; t < 16; t++)
		w[t] = be32(block + 4 * t);
	for (int t = 16; t < 80; t++)
		w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
	for (int t = 0; t < 80; t++) {
		uint32_t f, k, tmp;

		if (t < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (t < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (t < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		tmp = rol(a, 5) + f + e + k + w[t];
		e = d;
		d = c;
		c = rol(b, 30);
		b = a;
		a = tmp;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
}

void
scio_sha1_init(struct scio_sha1 *c)
{
	static const uint32_t h0[5] = {
		0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
	};

	memcpy(c->h, h0, sizeof(h0));
	c->bytes = 0;
	c->used = 0;
}

void
scio_sha1_update(struct scio_sha1 *c, const void *p, size_t n)
{
	const unsigned char *s = p;

	c->bytes += n;
	if (c->used > 0) {
		size_t k = 64 - c->used < n ? 64 - c->used : n;

		memcpy(c->block + c->used, s, k);
		c->used += k;
		s += k;
		n -= k;
		if (c->used < 64)
			return;
		compress(c->h, c->block);
		c->used = 0;
	}
	for (; n >= 64; s += 64, n -= 64)
		compress(c->h, s);
	memcpy(c->block, s, n);
	c->used = n;
}

/* Padding (FIPS 180-4, 5.1.1): a 1 bit, zeros up to 56 bytes mod 64, the
 * message length in bits as a big-endian 64-bit number. */
void
scio_sha1_final(struct scio_sha1 *c, unsigned char out[SCIO_SHA1_SIZE])
{
	uint64_t bits = c->bytes * 8;

	c->block[c->used++] = 0x80;
	if (c->used > 56) {
		memset(c->block + c->used, 0, 64 - c->used);
		compress(c->h, c->block);
		c->used = 0;
	}
	memset(c->block + c->used, 0, 56 - c->used);
	for (int i = 0; i < 8; i++)
		c->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	compress(c->h, c->block);
	for (size_t i = 0; i < 5; i++) {
		out[4 * i] = (unsigned char)(c->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)c->h[i];
	}
}

/* Five bits at a time, most significant first (RFC 4648, section 6). */
void
scio_base32(const unsigned char *in, size_t n, char *out)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	size_t o = 0, groups = (n + 4) / 5;

	for (size_t g = 0; g < groups; g++) {
		unsigned char five[5] = {0};
		size_t have = n - 5 * g < 5 ? n - 5 * g : 5;
		/* characters that carry data for 1..5 input bytes */
		static const size_t chars[6] = {0, 2, 4, 5, 7, 8};
		uint64_t v = 0;

		memcpy(five, in + 5 * g, have);
		for (int i = 0; i < 5; i++)
			v = v << 8 | five[i];
		for (size_t i = 0; i < 8; i++)
			out[o++] = i < chars[have] ?
			    alphabet[(v >> (35 - 5 * i)) & 31] : '=';
	}
	out[o] = '\0';
}

void
scio_sha1_label(const void *p, size_t n, char out[SCIO_SHA1_LABEL_SIZE])
{
	struct scio_sha1 c;
	unsigned char d[SCIO_SHA1_SIZE];

	scio_sha1_init(&c);
	scio_sha1_update(&c, p, n);
	scio_sha1_final(&c, d);
	/* the prefix alone: scio_base32 writes the rest and the NUL */
	memcpy(out, "sha1:", 5);	/* NOLINT(bugprone-not-null-terminated-result) */
	scio_base32(d, sizeof(d), out + 5);
}
