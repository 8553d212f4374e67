/* Unit tests for SHA-1 (the FIPS 180 example vectors) and base32 (the
 * RFC 4648 test vectors), as WARC digests use them. */
#include <stdio.h>
#include <string.h>

#include "scio/base/sha1.h"
#include "check.h"

static void
hex(const unsigned char *d, char out[41])
{
	for (int i = 0; i < SCIO_SHA1_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void
digest_of(const char *s, size_t n, char out[41])
{
	struct scio_sha1 c;
	unsigned char d[SCIO_SHA1_SIZE];

	scio_sha1_init(&c);
	scio_sha1_update(&c, s, n);
	scio_sha1_final(&c, d);
	hex(d, out);
}

static void
test_sha1(void)
{
	static const char two_blocks[] =
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char got[41], whole[41];
	struct scio_sha1 c;
	unsigned char d[SCIO_SHA1_SIZE], buf[1000];

	digest_of("abc", 3, got);
	CHECK_STR(got, "a9993e364706816aba3e25717850c26c9cd0d89d",
	    "FIPS 180: \"abc\" (one block)");
	digest_of(two_blocks, strlen(two_blocks), got);
	CHECK_STR(got, "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
	    "FIPS 180: the 448-bit message (padding spills into a second block)");
	memset(buf, 'a', sizeof(buf));
	scio_sha1_init(&c);
	for (int i = 0; i < 1000; i++)
		scio_sha1_update(&c, buf, sizeof(buf));
	scio_sha1_final(&c, d);
	hex(d, got);
	CHECK_STR(got, "34aa973cd4c4daa4f61eeb2bdbad27316534016f",
	    "FIPS 180: a million times \"a\", in pieces");
	digest_of("", 0, got);
	CHECK_STR(got, "da39a3ee5e6b4b0d3255bfef95601890afd80709",
	    "the empty message");
	/* Every length around the block and padding edges, fed whole and
	 * byte by byte, gives one digest. */
	int agree = 1;

	for (size_t n = 54; n <= 130 && agree; n++) {
		char bytes[131];

		for (size_t i = 0; i < n; i++)
			bytes[i] = (char)('0' + i % 61);
		digest_of(bytes, n, whole);
		scio_sha1_init(&c);
		for (size_t i = 0; i < n; i++)
			scio_sha1_update(&c, bytes + i, 1);
		scio_sha1_final(&c, d);
		hex(d, got);
		agree = strcmp(got, whole) == 0;
	}
	CHECK(agree, "byte by byte and whole agree for 54..130 bytes");
}

static void
test_base32(void)
{
	static const char *const vec[][2] = {
		{"", ""}, {"f", "MY======"}, {"fo", "MZXQ===="},
		{"foo", "MZXW6==="}, {"foob", "MZXW6YQ="}, {"fooba", "MZXW6YTB"},
		{"foobar", "MZXW6YTBOI======"},
	};
	char out[64], label[SCIO_SHA1_LABEL_SIZE];

	for (size_t i = 0; i < sizeof(vec) / sizeof(vec[0]); i++) {
		char what[64];

		scio_base32((const unsigned char *)vec[i][0], strlen(vec[i][0]), out);
		snprintf(what, sizeof(what), "RFC 4648 base32 of \"%s\"", vec[i][0]);
		CHECK_STR(out, vec[i][1], what);
	}
	scio_sha1_label("", 0, label);
	CHECK_STR(label, "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ",
	    "the WARC label of the empty payload");
	scio_sha1_label("abc", 3, label);
	CHECK_STR(label, "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5",
	    "the label of \"abc\" is its FIPS digest in base32");
}

int
main(void)
{
	test_sha1();
	test_base32();
	return CHECK_DONE();
}
