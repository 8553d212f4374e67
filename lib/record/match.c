/* match.c: patterns compiled with PCRE2 (UTF-8, Unicode properties, JIT)
 * and the literal pre-filter that lets most values skip them. */
/* memmem is not POSIX, but glibc, musl and the BSDs all have it. */
#define _GNU_SOURCE
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/record/match.h"

struct scio_match {
	int flags;
	pcre2_code *re;			/* NULL for a plain case-sensitive equality */
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	char *whole;			/* the value, for that equality */
	size_t wholelen;
	char **lit;			/* one required literal per pattern, or none */
	size_t *litlen;
	size_t nlit, litcap, litlencap;
	int lit_special;		/* a literal holds a character JSON may escape */
	int icase;
	struct scio_buf err;		/* why a match failed, until taken */
};

static int
is_ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Appends s with every ASCII punctuation character escaped, so that PCRE2
 * reads it as the plain string it is. */
static void
add_quoted(struct scio_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x80 && !is_ascii_alnum(c) && c != ' ')
			scio_buf_addc(b, '\\');
		scio_buf_addc(b, c);
	}
}

/* Ends the current run of required literal bytes, keeping the best one.
 * Under case folding only ASCII other than k and s may be searched for
 * byte-wise: those two have non-ASCII partners (U+212A KELVIN SIGN and
 * U+017F LONG S), and non-ASCII letters have case partners of their own. */
static void
end_run(struct scio_buf *run, struct scio_buf *best, int icase)
{
	size_t i = 0, j;

	if (!icase) {
		if (run->len > best->len) {
			scio_buf_reset(best);
			scio_buf_add(best, run->s, run->len);
		}
		scio_buf_reset(run);
		return;
	}
	while (i < run->len) {
		for (j = i; j < run->len; j++) {
			unsigned char c = (unsigned char)run->s[j];

			if (c >= 0x80 || c == 'k' || c == 'K' || c == 's' || c == 'S')
				break;
		}
		if (j - i > best->len) {
			scio_buf_reset(best);
			scio_buf_add(best, run->s + i, j - i);
		}
		i = j + 1;
	}
	scio_buf_reset(run);
}

/* Drops the last character (a whole UTF-8 sequence) of the run: it was
 * made optional by a quantifier. */
static void
drop_last_char(struct scio_buf *run)
{
	while (run->len > 0 && ((unsigned char)run->s[run->len - 1] & 0xc0) == 0x80)
		run->len--;
	if (run->len > 0)
		run->len--;
	if (run->s)
		run->s[run->len] = '\0';
}

/* Skips a quantifier at p, if any, with its lazy or possessive mark.
 * Returns NULL for a brace that is not plainly a quantifier. */
static const unsigned char *
skip_quantifier(const unsigned char *p)
{
	if (*p == '{') {
		p++;
		if (*p < '0' || *p > '9')
			return NULL;
		while ((*p >= '0' && *p <= '9') || *p == ',')
			p++;
		if (*p != '}')
			return NULL;
		p++;
	} else if (*p == '*' || *p == '+' || *p == '?') {
		p++;
	} else {
		return p;
	}
	if (*p == '?' || *p == '+')
		p++;
	return p;
}

/* Finds a literal that every match of the regular expression pat must
 * contain: the longest run of plain characters outside any group, class
 * or alternation. Returns 0 and leaves best empty when unsure (inline
 * options, alternation at the top, escapes it does not know). */
static int
required_literal(const char *pat, int icase, struct scio_buf *best)
{
	struct scio_buf run = {0};
	int depth = 0;
	const unsigned char *p = (const unsigned char *)pat;

	scio_buf_reset(best);
	while (*p) {
		unsigned char c = *p;

		if (c == '\\') {
			unsigned char d = p[1];

			if (d == '\0')
				goto unsure;
			if (d >= 0x80 || !is_ascii_alnum(d)) {
				if (depth == 0)
					scio_buf_addc(&run, d);
				p += 2;
				goto quantifier;
			}
			if (strchr("dDwWsSbBhHvVRXnrtfeaAzZGK", d) == NULL)
				goto unsure;	/* \Q, \x, \p, backreferences ... */
			end_run(&run, best, icase);
			p += 2;
			goto quantifier_after_group;
		}
		if (c == '(') {
			if (p[1] == '*' || (p[1] == '?' && strchr(":=!<>|P'", p[2]) == NULL))
				goto unsure;	/* verbs and inline options */
			end_run(&run, best, icase);
			depth++;
			p++;
			continue;
		}
		if (c == ')') {
			if (depth == 0)
				goto unsure;
			depth--;
			p++;
			goto quantifier_after_group;
		}
		if (c == '|') {
			if (depth == 0)
				goto unsure;
			p++;
			continue;
		}
		if (c == '[') {
			/* Skip a class: "[]..." and "[^]..." hold a literal ']'. */
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p && *p != ']') {
				if (*p == '\\' && p[1])
					p++;
				else if (*p == '[' && p[1] == ':')
					goto unsure;
				p++;
			}
			if (*p != ']')
				goto unsure;
			p++;
			end_run(&run, best, icase);
			goto quantifier_after_group;
		}
		if (depth > 0) {
			p++;
			continue;
		}
		if (c == '.' || c == '^' || c == '$') {
			end_run(&run, best, icase);
			p++;
			goto quantifier_after_group;
		}
		if (c == '*' || c == '+' || c == '?' || c == '{')
			goto unsure;	/* a quantifier with nothing before it */
		scio_buf_addc(&run, c);
		p++;
		/* Take the rest of a UTF-8 sequence with its first byte. */
		while ((*p & 0xc0) == 0x80)
			scio_buf_addc(&run, *p++);
quantifier:
		if (*p == '*' || *p == '?' || *p == '{') {
			if (depth == 0)
				drop_last_char(&run);
			end_run(&run, best, icase);
		} else if (*p == '+') {
			end_run(&run, best, icase);
		}
quantifier_after_group:
		if ((p = skip_quantifier(p)) == NULL)
			goto unsure;
	}
	if (depth != 0)
		goto unsure;
	end_run(&run, best, icase);
	scio_buf_free(&run);
	return best->len > 0;
unsure:
	scio_buf_free(&run);
	scio_buf_reset(best);
	return 0;
}

/* Compiles one regex into m; -1 with PCRE2's words in why when it does
 * not compile. */
static int
compile(struct scio_match *m, const char *pat, size_t len, uint32_t opts,
    const char *what, struct scio_buf *why)
{
	int err;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];

	m->re = pcre2_compile((PCRE2_SPTR)pat, len, opts, &err, &off, NULL);
	if (m->re == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		scio_buf_printf(why, "%s: bad pattern at offset %zu: %s", what,
		    (size_t)off, (const char *)msg);
		return -1;
	}
	/* SCIO_MATCH_NO_JIT: the interpreter only, for valgrind (which
	 * cannot follow JIT code) and for checking the two agree. */
	if (!(m->flags & SCIO_MATCH_NO_JIT) &&
	    pcre2_jit_compile(m->re, PCRE2_JIT_COMPLETE) == 0) {
		m->jit = pcre2_jit_stack_create((size_t)32 * 1024,
		    (size_t)1024 * 1024, NULL);
		m->mctx = pcre2_match_context_create(NULL);
		if (m->jit == NULL || m->mctx == NULL)
			scio_die(SCIO_EXIT_ERROR, "out of memory");
		pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
	}
	m->md = pcre2_match_data_create_from_pattern(m->re, NULL);
	if (m->md == NULL)
		scio_die(SCIO_EXIT_ERROR, "out of memory");
	return 0;
}

static void
uncompile(struct scio_match *m)
{
	pcre2_code_free(m->re);
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	pcre2_jit_stack_free(m->jit);
	m->re = NULL;
	m->md = NULL;
	m->mctx = NULL;
	m->jit = NULL;
}

static void
add_literal(struct scio_match *m, const char *s, size_t n)
{
	SCIO_ALLOC_GROW(m->lit, m->nlit + 1, m->litcap);
	SCIO_ALLOC_GROW(m->litlen, m->nlit + 1, m->litlencap);
	m->lit[m->nlit] = scio_strndup(s, n);
	m->litlen[m->nlit] = n;
	m->nlit++;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == '"' || c == '\\' || c == '/')
			m->lit_special = 1;
	}
}

static void
clear_literals(struct scio_match *m)
{
	for (size_t i = 0; i < m->nlit; i++)
		free(m->lit[i]);
	free(m->lit);
	free(m->litlen);
	m->lit = NULL;
	m->litlen = NULL;
	m->nlit = m->litcap = m->litlencap = 0;
}

/* Every pattern must yield a literal for the pre-filter to be usable: the
 * patterns are alternatives, so a value may match any of them. */
static void
find_literals(struct scio_match *m, const char *const *patterns, size_t n)
{
	struct scio_buf best = {0};

	for (size_t i = 0; i < n; i++) {
		if (m->flags & SCIO_MATCH_FIXED) {
			struct scio_buf run = {0};

			scio_buf_reset(&best);
			scio_buf_adds(&run, patterns[i]);
			end_run(&run, &best, m->icase);
			scio_buf_free(&run);
		} else {
			required_literal(patterns[i], m->icase, &best);
		}
		if (best.len < 3) {
			clear_literals(m);
			break;
		}
		add_literal(m, best.s, best.len);
	}
	scio_buf_free(&best);
}

struct scio_match *
scio_match_try(const char *const *patterns, size_t n, int flags,
    const char *what, struct scio_buf *why)
{
	struct scio_match *m = scio_calloc(1, sizeof(*m));
	struct scio_buf b = {0};
	/* \C matches one byte, and would split a character in two. */
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C;
	int rc = 0;

	m->flags = flags;
	m->icase = (flags & SCIO_MATCH_ICASE) != 0;
	if (m->icase)
		opts |= PCRE2_CASELESS;
	if ((flags & SCIO_MATCH_WHOLE) && (flags & SCIO_MATCH_FIXED) && n == 1 && !m->icase) {
		m->whole = scio_strdup(patterns[0]);
		m->wholelen = strlen(patterns[0]);
		return m;
	}
	if (flags & SCIO_MATCH_WHOLE)
		opts |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
	if (n == 1 && (flags & SCIO_MATCH_FIXED) && !(flags & SCIO_MATCH_WORD)) {
		/* PCRE2_LITERAL does not combine with UCP; case folding of
		 * non-ASCII letters only needs UTF. */
		rc = compile(m, patterns[0], strlen(patterns[0]),
		    (opts & ~(uint32_t)(PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C)) |
		    PCRE2_LITERAL, what, why);
	} else {
		if (flags & SCIO_MATCH_WORD)
			scio_buf_adds(&b, "(?<!\\w)(?:");
		for (size_t i = 0; i < n; i++) {
			scio_buf_adds(&b, i ? ")|(?:" : "(?:");
			if (flags & SCIO_MATCH_FIXED)
				add_quoted(&b, patterns[i]);
			else
				scio_buf_adds(&b, patterns[i]);
		}
		scio_buf_addc(&b, ')');
		if (flags & SCIO_MATCH_WORD)
			scio_buf_adds(&b, ")(?!\\w)");
		/* Compile each pattern alone first, so an error names its
		 * offset in what the user wrote. */
		for (size_t i = 0; rc == 0 && !(flags & SCIO_MATCH_FIXED) && i < n; i++) {
			rc = compile(m, patterns[i], strlen(patterns[i]), opts, what, why);
			uncompile(m);
		}
		if (rc == 0)
			rc = compile(m, b.s, b.len, opts, what, why);
		scio_buf_free(&b);
	}
	if (rc < 0) {
		scio_match_free(m);
		return NULL;
	}
	if (!(flags & SCIO_MATCH_WHOLE))
		find_literals(m, patterns, n);
	return m;
}

struct scio_match *
scio_match_new(const char *const *patterns, size_t n, int flags, const char *what)
{
	struct scio_buf why = {0};
	struct scio_match *m = scio_match_try(patterns, n, flags, what, &why);

	if (m == NULL)
		scio_die(SCIO_EXIT_ERROR, "%s", scio_buf_str(&why));
	return m;
}

void
scio_match_free(struct scio_match *m)
{
	if (m == NULL)
		return;
	uncompile(m);
	scio_buf_free(&m->err);
	free(m->whole);
	clear_literals(m);
	free(m);
}

int
scio_match_find(struct scio_match *m, const char *s, size_t n, size_t from,
    size_t *so, size_t *eo)
{
	PCRE2_SIZE *ov;
	int rc;

	if (m->re == NULL) {
		if (from == 0 && n == m->wholelen && memcmp(s, m->whole, n) == 0) {
			*so = 0;
			*eo = n;
			return 1;
		}
		return 0;
	}
	rc = pcre2_match(m->re, (PCRE2_SPTR)s, n, from, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		PCRE2_UCHAR msg[256];

		/* The caller names the record: see scio_match_error. */
		pcre2_get_error_message(rc, msg, sizeof(msg));
		if (m->err.len == 0)
			scio_buf_printf(&m->err, "matching failed: %s", (const char *)msg);
		return 0;
	}
	ov = pcre2_get_ovector_pointer(m->md);
	*so = ov[0];
	*eo = ov[1];
	return 1;
}

int
scio_match_test(struct scio_match *m, const char *s, size_t n)
{
	size_t so, eo;

	return scio_match_find(m, s, n, 0, &so, &eo);
}

int
scio_match_error(struct scio_match *m, struct scio_buf *why)
{
	if (m == NULL || m->err.len == 0)
		return 0;
	if (why != NULL && why->len == 0)
		scio_buf_add(why, m->err.s, m->err.len);
	scio_buf_reset(&m->err);
	return 1;
}

const char *
scio_match_literal(const struct scio_match *m)
{
	return m->nlit == 1 ? m->lit[0] : m->nlit ? "(several)" : "";
}

static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* How rare a byte is in English text, to pick the byte to look for. */
static int
rarity(unsigned char c)
{
	static const char freq[] = "etaoinshrdlcumwfgypbvkjxqz";
	const char *p;

	c = fold(c);
	if (c == ' ')
		return -1;
	if (c >= 'a' && c <= 'z' && (p = strchr(freq, c)) != NULL)
		return (int)(p - freq);
	return 12;
}

static int
casematch_at(const unsigned char *s, const unsigned char *lit, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fold(s[i]) != fold(lit[i]))
			return 0;
	return 1;
}

int
scio_memcasemem(const char *hay, size_t n, const char *needle, size_t ln)
{
	const unsigned char *s = (const unsigned char *)hay;
	const unsigned char *lit = (const unsigned char *)needle;
	size_t k = 0, a, last;
	unsigned char lo, up;

	if (ln == 0)
		return 1;
	if (n < ln)
		return 0;
	for (size_t i = 1; i < ln; i++)
		if (rarity(lit[i]) > rarity(lit[k]))
			k = i;
	lo = fold(lit[k]);
	up = lo >= 'a' && lo <= 'z' ? (unsigned char)(lo - 32) : lo;
	/* The anchor byte lies at a in [k, last]. */
	last = n - ln + k;
	a = k;
#ifdef __SSE2__
	{
		const __m128i vlo = _mm_set1_epi8((char)lo);
		const __m128i vup = _mm_set1_epi8((char)up);

		while (a + 16 <= n && a <= last) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + a));
			unsigned mask = (unsigned)_mm_movemask_epi8(
			    _mm_or_si128(_mm_cmpeq_epi8(v, vlo), _mm_cmpeq_epi8(v, vup)));

			while (mask) {
				size_t at = a + (size_t)__builtin_ctz(mask);

				if (at > last)
					return 0;
				if (casematch_at(s + at - k, lit, ln))
					return 1;
				mask &= mask - 1;
			}
			a += 16;
		}
	}
#endif
	for (; a <= last; a++)
		if ((s[a] == lo || s[a] == up) && casematch_at(s + a - k, lit, ln))
			return 1;
	return 0;
}

/* Whether the raw text holds a \u escape, which could spell any character
 * of a literal; an escaped backslash before a 'u' counts too (harmless). */
static int
has_u_escape(const char *raw, size_t n)
{
	const char *p = raw, *end = raw + n;

	while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		if (p + 1 < end && p[1] == 'u')
			return 1;
		p += 2;
		if (p >= end)
			break;
	}
	return 0;
}

int
scio_match_maybe(const struct scio_match *m, const char *raw, size_t n)
{
	if (m->nlit == 0)
		return 1;
	for (size_t i = 0; i < m->nlit; i++) {
		if (m->icase ? scio_memcasemem(raw, n, m->lit[i], m->litlen[i]) :
		    memmem(raw, n, m->lit[i], m->litlen[i]) != NULL)
			return 1;
	}
	/* Not in the raw text. The decoded value can differ from it only
	 * where escapes are: a \u escape can spell anything, and the short
	 * escapes only produce ", \, /, and control characters. */
	if (m->lit_special)
		return memchr(raw, '\\', n) != NULL;
	return has_u_escape(raw, n);
}
