/* jvalue.c: reading the members of a line jscan.c has scanned: finding
 * one by its name, decoding a string value, reading an integer. The
 * scanner has already checked every value, so nothing here fails. */
#include <limits.h>
#include <string.h>

#include "scio/base/jscan.h"
#include "scio/base/jscan_impl.h"

typedef const unsigned char *ucp;

/* Appends code point c as UTF-8. */
static void
put_utf8(struct scio_buf *out, unsigned long c)
{
	char u[4];
	size_t n;

	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3f));
		u[2] = (char)(0x80 | (c >> 6 & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	scio_buf_add(out, u, n);
}

void
scio_jstr_decode(const char *val, size_t vallen, struct scio_buf *out)
{
	ucp p = (ucp)val + 1;
	ucp end = (ucp)val + vallen - 1;
	ucp bs;
	unsigned long c;

	scio_buf_grow(out, vallen);
	while (p < end) {
		bs = memchr(p, '\\', (size_t)(end - p));
		if (bs == NULL) {
			scio_buf_add(out, p, (size_t)(end - p));
			break;
		}
		scio_buf_add(out, p, (size_t)(bs - p));
		p = bs + 1;
		switch (*p++) {
		case 'b': scio_buf_addc(out, '\b'); break;
		case 'f': scio_buf_addc(out, '\f'); break;
		case 'n': scio_buf_addc(out, '\n'); break;
		case 'r': scio_buf_addc(out, '\r'); break;
		case 't': scio_buf_addc(out, '\t'); break;
		case 'u':
			c = (unsigned long)scio_jhex4(p);
			p += 4;
			if (c >= 0xd800 && c <= 0xdbff && end - p >= 6) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    ((unsigned long)scio_jhex4(p + 2) - 0xdc00);
				p += 6;
			}
			put_utf8(out, c);
			break;
		default:
			scio_buf_addc(out, p[-1]);
			break;
		}
	}
	out->s[out->len] = '\0';
}

const struct scio_jmember *
scio_jobj_get(struct scio_jobj *obj, const char *key)
{
	size_t klen = strlen(key);

	for (size_t i = obj->n; i-- > 0;) {
		const struct scio_jmember *m = &obj->m[i];

		if (!m->key_escaped) {
			if (m->keylen == klen && memcmp(m->key, key, klen) == 0)
				return m;
			continue;
		}
		scio_buf_reset(&obj->tmp);
		scio_jstr_decode(m->key - 1, m->keylen + 2, &obj->tmp);
		if (obj->tmp.len == klen && memcmp(obj->tmp.s, key, klen) == 0)
			return m;
	}
	return NULL;
}

int
scio_jint(const struct scio_jmember *m, long long *out)
{
	const char *p = m->val, *end = m->val + m->vallen;
	int neg = 0;
	long long v = 0;

	if (m->type != SCIO_JNUMBER)
		return 0;
	if (memchr(p, '.', m->vallen) || memchr(p, 'e', m->vallen) ||
	    memchr(p, 'E', m->vallen))
		return 0;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	/* Accumulate downwards so that LLONG_MIN fits; the scanner has
	 * already checked the range. */
	for (; p < end; p++)
		v = v * 10 - (*p - '0');
	if (!neg) {
		if (v == LLONG_MIN)
			return 0;
		v = -v;
	}
	*out = v;
	return 1;
}
