/* scio-grep: select turn and doc records by what was said, by whom and when. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scio/base/alloc.h"
#include "scio/base/cli.h"
#include "scio/record/context.h"
#include "scio/base/diag.h"
#include "scio/record/filter.h"
#include "scio/fmt/fmt.h"
#include "scio/base/jscan.h"
#include "scio/base/jsonl.h"
#include "scio/base/numarg.h"
#include "scio/base/strset.h"

static const char usage_text[] =
"Usage: scio-grep [OPTION]... PATTERN [FILE]...\n"
"  or:  scio-grep [OPTION]... -e PATTERN... [FILE]...\n"
"  or:  scio-grep [OPTION]... FIELD-CONDITION... [FILE]...\n"
"Select turn and doc records (JSON Lines) from the FILEs (or standard input)\n"
"whose fields meet every condition given, and write them unchanged; on a\n"
"terminal, show them to read, with the matches highlighted.\n"
"\n"
"Text patterns (several -e: any of them):\n"
"  PATTERN                 without -e, the first operand is the pattern (with\n"
"                          field conditions, unless it names a file)\n"
"  -e, --regexp=PATTERN    a PCRE2 regular expression searched in the text\n"
"  -F, --fixed-strings     PATTERNs are plain strings\n"
"  -i, --ignore-case       fold case (Unicode) in patterns and field values\n"
"  -w, --word-regexp       match whole words only\n"
"  -v, --invert-match      select records the PATTERNs do not match\n"
"      --field=NAME        search field NAME instead of text\n"
"Field conditions (all must hold):\n"
"      --speaker=NAME      speaker is NAME (/REGEX/ searches instead)\n"
"      --role=ROLE         role is chair, official, media or other\n"
"      --outlet=NAME       outlet is NAME (/REGEX/ searches instead)\n"
"      --doc=ID            the conference id is ID\n"
"      --since=DATE        held on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD)\n"
"      --until=DATE        held on or before DATE\n"
"      --where=FIELD=VALUE FIELD is VALUE (/REGEX/ searches instead)\n"
"      --where=FIELD<N     FIELD is a number below N; also <=, >, >=\n"
"                          (FIELD: a schema field, or +NAME for another)\n"
"Context (within one conference):\n"
"      --qa                the whole question-and-answer exchange of each match\n"
"  -A, --after-context=N   N records after each match\n"
"  -B, --before-context=N  N records before each match\n"
"  -C, --context=N         N records before and after each match\n"
"      --turns             of a doc record, keep only the matching turns\n"
"Output:\n"
"  -q, --quiet             print nothing; exit 0 at the first selected record\n"
"  -s, --no-messages       no message for a file that cannot be read\n"
"  -o, --only-matching     print only the text each pattern matched, one a line\n"
"      --color[=WHEN]      show the records to read, matches highlighted: auto\n"
"                          (on a terminal, the default), always, or never (JSON)\n"
"  -c, --count             print only the number of selected records\n"
"  -l, --list              print only the distinct conference ids selected\n"
"  -m, --max-count=N       stop after N selected records\n"
"      --mark              add \"matches\": [start, end) code-point offsets\n"
"  -h, --help              print this help and exit\n"
"  -V, --version           print the version and exit\n"
"\n"
"Examples:\n"
"  scio-grep -i -e 'tidal' turns.jsonl | scio-fmt\n"
"  scio-grep --role media --since 2024 -c turns.jsonl\n"
"  scio-grep --qa -e 'income' turns.jsonl >exchanges.jsonl\n"
"\n"
"Exit status: 0 if a record was selected, 1 if none, 2 on error (a bad\n"
"line is reported with its file and line number and skipped).\n"
"\n"
"See also: scio-grep(1), the whole manual; scio-records(5), scio-fetch(1),\n"
"scio-parse(1), scio-fmt(1), grep(1), jq(1), pcre2pattern(3).\n";

enum {
	OPT_FIELD = 256, OPT_SPEAKER, OPT_ROLE, OPT_OUTLET, OPT_DOC, OPT_SINCE,
	OPT_UNTIL, OPT_WHERE, OPT_QA, OPT_TURNS, OPT_MARK, OPT_COLOR, OPT_WHERE_NUM,
};

static const struct option longopts[] = {
	{ "regexp", required_argument, NULL, 'e' },
	{ "fixed-strings", no_argument, NULL, 'F' },
	{ "ignore-case", no_argument, NULL, 'i' },
	{ "word-regexp", no_argument, NULL, 'w' },
	{ "invert-match", no_argument, NULL, 'v' },
	{ "field", required_argument, NULL, OPT_FIELD },
	{ "speaker", required_argument, NULL, OPT_SPEAKER },
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "outlet", required_argument, NULL, OPT_OUTLET },
	{ "doc", required_argument, NULL, OPT_DOC },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "where", required_argument, NULL, OPT_WHERE },
	{ "qa", no_argument, NULL, OPT_QA },
	{ "after-context", required_argument, NULL, 'A' },
	{ "before-context", required_argument, NULL, 'B' },
	{ "context", required_argument, NULL, 'C' },
	{ "turns", no_argument, NULL, OPT_TURNS },
	{ "count", no_argument, NULL, 'c' },
	{ "list", no_argument, NULL, 'l' },
	{ "max-count", required_argument, NULL, 'm' },
	{ "mark", no_argument, NULL, OPT_MARK },
	{ "quiet", no_argument, NULL, 'q' },
	{ "silent", no_argument, NULL, 'q' },
	{ "no-messages", no_argument, NULL, 's' },
	{ "only-matching", no_argument, NULL, 'o' },
	{ "color", optional_argument, NULL, OPT_COLOR },
	{ "colour", optional_argument, NULL, OPT_COLOR },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* A field condition as given, compiled once every option is known. */
struct fieldopt {
	int kind;		/* OPT_SINCE, OPT_UNTIL, OPT_WHERE_NUM, or an equality */
	const char *field;
	char *value;
	char *op;		/* OPT_WHERE_NUM: <, <=, > or >= */
	const char *what;
};

struct run {
	struct scio_filter *f;
	struct scio_context *ctx;
	struct scio_jobj obj;
	struct scio_buf out, doc, qa, why;
	struct scio_strset seen;
	const char *field;
	int count, list, mark, turns, qa_mode, quiet, only;
	struct scio_fmt *view;	/* on a terminal: the records shown to read */
	struct scio_buf pending;	/* the view's partial line */
	size_t before, after;
	unsigned long long max, nsel;
	int stopping;
};

/* A count of records given to opt: one parser, one wording for all. */
static size_t
parse_count(const char *s, const char *opt, long min)
{
	return (size_t)scio_arg_long(opt, s, min, 1000000000);
}

/* A string member's decoded value into b; 0 if absent or not a string. */
static int
string_member(struct scio_jobj *obj, const char *key, struct scio_buf *b)
{
	const struct scio_jmember *m = scio_jobj_get(obj, key);

	scio_buf_reset(b);
	if (m == NULL || m->type != SCIO_JSTRING)
		return 0;
	scio_jstr_decode(m->val, m->vallen, b);
	return 1;
}

/* A bad line: jansson words the message, as the other programs print it. */
static void
report_bad(const struct scio_input *in, const struct scio_jerr *err)
{
	json_t *v = scio_record_load(in);

	if (v != NULL) {
		scio_input_bad(in, "bad JSON at column %zu: %s", err->column, err->text);
		json_decref(v);
	}
}

static json_t *
load_valid(const struct scio_input *in)
{
	json_t *v = json_loadb(in->line, in->len, 0, NULL);

	if (v == NULL)
		scio_die(SCIO_EXIT_ERROR, "%s:%zu: cannot load a record the scanner accepted",
		    in->name, in->lineno);
	return v;
}

/* Adds "matches" (and "matches_field" unless it is text) to obj. */
static void
add_marks(struct run *r, json_t *obj, const json_t *outer)
{
	json_t *v = json_object_get(obj, r->field);

	if (v == NULL && outer != NULL)
		v = json_object_get(outer, r->field);
	if (json_is_string(v)) {
		json_object_set_new(obj, "matches",
		    scio_filter_marks(r->f, json_string_value(v), json_string_length(v)));
		scio_filter_error(r->f, NULL);	/* the marks found so far stand */
	} else
		json_object_set_new(obj, "matches", json_array());
	if (strcmp(r->field, "text") != 0)
		json_object_set_new(obj, "matches_field", json_string(r->field));
}

static void
dump_to(struct scio_buf *b, json_t *rec)
{
	char *s = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER);

	if (s == NULL)
		scio_die(SCIO_EXIT_ERROR, "cannot encode a record as JSON");
	scio_buf_reset(b);
	scio_buf_adds(b, s);
	scio_buf_addc(b, '\n');
	free(s);
}

/* A pattern PCRE2 could not test on this record (a JIT stack or match
 * limit): neither selected nor inverted in, but named and skipped. */
static int
could_not_test(struct run *r, const struct scio_input *in)
{
	if (!scio_filter_error(r->f, &r->why))
		return 0;
	scio_bad_input(in->name, in->lineno, "%s; record skipped",
	    scio_buf_str(&r->why));
	scio_buf_reset(&r->why);
	return 1;
}

static void
selected(struct run *r)
{
	if (r->quiet)
		exit(SCIO_EXIT_OK);
	r->nsel++;
	if (r->max > 0 && r->nsel >= r->max)
		r->stopping = 1;
}

static void
list_doc(struct run *r, const char *doc, size_t n)
{
	if (scio_strset_add(&r->seen, doc, n)) {
		scio_out_write(doc, n);
		scio_out_write("\n", 1);
	}
}

/* -o: each hit of the text condition in s[0..n), one a line, a line
 * break inside a hit written as a space. */
static void
write_hits(struct run *r, const char *s, size_t n)
{
	size_t from = 0, so, eo;

	while (scio_filter_next_hit(r->f, s, n, &from, &so, &eo)) {
		scio_buf_reset(&r->out);
		for (size_t i = so; i < eo; i++)
			scio_buf_addc(&r->out, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
		scio_buf_addc(&r->out, '\n');
		scio_out_write(r->out.s, r->out.len);
	}
	scio_filter_error(r->f, NULL);	/* the hits found so far stand */
}

/* -o on a jansson object (a turn, with its doc as outer). */
static void
write_hits_json(struct run *r, const json_t *obj, const json_t *outer)
{
	json_t *v = json_object_get(obj, r->field);

	if (v == NULL && outer != NULL)
		v = json_object_get(outer, r->field);
	if (json_is_string(v))
		write_hits(r, json_string_value(v), json_string_length(v));
}

/* Which turns of a doc record to keep with --turns: the selected ones and
 * their context. */
static void
keep_context(struct run *r, json_t *turns, const char *sel, char *keep, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!sel[i])
			continue;
		keep[i] = 1;
		if (r->qa_mode) {
			json_t *qa = json_object_get(json_array_get(turns, i), "qa");

			for (size_t k = 0; k < n; k++)
				if (qa != NULL && json_equal(qa,
				    json_object_get(json_array_get(turns, k), "qa")))
					keep[k] = 1;
			continue;
		}
		for (size_t k = i >= r->before ? i - r->before : 0; k < i; k++)
			keep[k] = 1;
		for (size_t k = i + 1; k < n && k <= i + r->after; k++)
			keep[k] = 1;
	}
}

/* A doc record: its turns are tested one by one (a field a turn lacks is
 * taken from the doc), and the doc is selected if any turn is. */
static void
grep_doc(struct run *r, const struct scio_input *in)
{
	json_t *doc = load_valid(in);
	json_t *turns = json_object_get(doc, "turns");
	size_t n = json_array_size(turns);
	char *sel = scio_calloc(n + 1, 1), *keep = scio_calloc(n + 1, 1);
	int any = 0;

	if (n == 0)
		any = !r->stopping && scio_filter_json(r->f, doc, NULL);
	for (size_t i = 0; i < n && !r->stopping; i++) {
		sel[i] = (char)scio_filter_json(r->f, json_array_get(turns, i), doc);
		any |= sel[i];
	}
	if (could_not_test(r, in) || !any)
		goto done;
	selected(r);
	if (r->count)
		goto done;
	if (r->list) {
		json_t *id = json_object_get(doc, "doc");

		if (json_is_string(id))
			list_doc(r, json_string_value(id), json_string_length(id));
		goto done;
	}
	if (r->only) {
		for (size_t i = 0; i < n; i++)
			if (sel[i])
				write_hits_json(r, json_array_get(turns, i), doc);
		if (n == 0)
			write_hits_json(r, doc, NULL);
		goto done;
	}
	if (!r->turns && !r->mark) {
		scio_out_write(in->line, in->len);
		scio_out_write("\n", 1);
		goto done;
	}
	if (r->mark && scio_filter_has_text(r->f))
		for (size_t i = 0; i < n; i++)
			if (sel[i])
				add_marks(r, json_array_get(turns, i), doc);
	if (r->turns && n > 0) {
		json_t *kept = json_array();

		keep_context(r, turns, sel, keep, n);
		for (size_t i = 0; i < n; i++)
			if (keep[i])
				json_array_append(kept, json_array_get(turns, i));
		json_object_set_new(doc, "turns", kept);
	}
	scio_record_write(doc);
done:
	free(sel);
	free(keep);
	json_decref(doc);
}

/* A turn, or any other record: tested on the scanned line. */
static void
grep_scanned(struct run *r, const struct scio_input *in)
{
	int sel = !r->stopping && scio_filter_scanned(r->f, &r->obj);
	const struct scio_jmember *qa;

	if (could_not_test(r, in))
		sel = 0;
	if (sel)
		selected(r);
	if (r->count)
		return;
	if (r->list) {
		if (sel && string_member(&r->obj, "doc", &r->doc))
			list_doc(r, r->doc.s, r->doc.len);
		return;
	}
	if (r->only) {
		if (sel && string_member(&r->obj, r->field, &r->doc))
			write_hits(r, r->doc.s, r->doc.len);
		return;
	}
	if (r->ctx == NULL && !(sel && r->mark)) {
		if (sel) {
			scio_out_write(in->line, in->len);
			scio_out_write("\n", 1);
		}
		return;
	}
	if (sel && r->mark && scio_filter_has_text(r->f)) {
		json_t *rec = load_valid(in);

		add_marks(r, rec, NULL);
		dump_to(&r->out, rec);
		json_decref(rec);
	} else {
		scio_buf_reset(&r->out);
		scio_buf_add(&r->out, in->line, in->len);
		scio_buf_addc(&r->out, '\n');
	}
	if (r->ctx == NULL) {
		scio_out_write(r->out.s, r->out.len);
		return;
	}
	int have_doc = string_member(&r->obj, "doc", &r->doc);
	qa = scio_jobj_get(&r->obj, "qa");
	scio_buf_reset(&r->qa);
	if (qa != NULL && qa->type != SCIO_JNULL)
		scio_buf_add(&r->qa, qa->val, qa->vallen);
	scio_context_add(r->ctx, r->out.s, r->out.len, have_doc ? r->doc.s : NULL,
	    qa != NULL && qa->type != SCIO_JNULL ? r->qa.s : NULL, sel);
}

/* The terminal view: each record written is taken back, a line at a time,
 * and shown by scio-fmt's text formatter (the hits marked by --mark). */
static void
view_write(void *arg, const char *p, size_t n)
{
	struct run *r = arg;
	const char *nl;

	scio_buf_add(&r->pending, p, n);
	while ((nl = memchr(r->pending.s, '\n', r->pending.len)) != NULL) {
		size_t len = (size_t)(nl - r->pending.s);
		json_t *rec = json_loadb(r->pending.s, len, 0, NULL);
		json_t *type = json_object_get(rec, "type");
		struct scio_frec fr = {0};

		if (rec == NULL)
			scio_die(SCIO_EXIT_ERROR, "cannot load a record written");
		fr.json = rec;
		scio_fmt_record(r->view, &fr, json_is_string(type) ? json_string_value(type) : NULL);
		json_decref(rec);
		memmove(r->pending.s, nl + 1, r->pending.len - len - 1);
		r->pending.len -= len + 1;
	}
}

/* With field conditions, whether the first operand is a file to read
 * rather than the pattern: "-", an existing file, or a name of the kind
 * records are kept in (so that a mistyped file name is an error, not a
 * pattern that silently selects nothing). */
static int
names_file(const char *s)
{
	static const char *const exts[] = { ".jsonl", ".jsonl.gz", ".json", ".gz" };
	size_t n = strlen(s);

	if (strcmp(s, "-") == 0 || access(s, F_OK) == 0)
		return 1;
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t k = strlen(exts[i]);

		if (n > k && strcmp(s + n - k, exts[i]) == 0)
			return 1;
	}
	return 0;
}

static int
is_doc_record(struct scio_jobj *obj, struct scio_buf *tmp)
{
	const struct scio_jmember *t = scio_jobj_get(obj, "turns");

	return t != NULL && t->type == SCIO_JARRAY && string_member(obj, "type", tmp) &&
	    strcmp(tmp->s, "doc") == 0;
}

/* Reads one input; returns 0 when -m says to stop reading altogether. */
static int
grep_input(struct run *r, struct scio_input *in)
{
	struct scio_jerr err;

	scio_input_want_records(in);
	while (scio_input_next(in) > 0) {
		if (r->stopping && (r->ctx == NULL || !scio_context_pending(r->ctx)))
			return 0;
		if (scio_line_is_blank(in->line, in->len))
			continue;
		if (scio_jscan(in->line, in->len, &r->obj, &err) < 0) {
			report_bad(in, &err);
			continue;
		}
		scio_input_note(in, &r->obj);
		if (is_doc_record(&r->obj, &r->out))
			grep_doc(r, in);
		else
			grep_scanned(r, in);
	}
	return !(r->stopping && (r->ctx == NULL || !scio_context_pending(r->ctx)));
}

/* A field name given to what: one of the schema's, or +NAME for one
 * outside it; a typo ends the run with the nearest name. */
static const char *
field_name(const char *name, const char *what)
{
	if (name[0] == '+' && name[1] != '\0')
		return name + 1;
	if (!scio_fmt_known_field(name))
		scio_fmt_unknown_field(name, what);
	return name;
}

static void
set_roles_ok(const char *role)
{
	static const char *const roles[] = { "chair", "official", "media", "other" };

	for (size_t i = 0; i < 4; i++)
		if (strcmp(role, roles[i]) == 0)
			return;
	scio_usage_error("--role: not chair, official, media or other: '%s'", role);
}

int
main(int argc, char **argv)
{
	struct run r;
	const char **pats = NULL;
	size_t npats = 0, nconds = 0;
	struct fieldopt *conds = NULL;
	int c, mflags = 0, icase = 0, invert = 0, context_given = 0, all = 0;
	const char *field = "text", *colour = "auto";

	scio_cli_start(argc, argv, longopts);
	memset(&r, 0, sizeof(r));
	opterr = 0;	/* the messages below say the same, in our form */
	while ((c = getopt_long(argc, argv, ":e:FiwvA:B:C:clm:qsohV", longopts, NULL)) != -1) {
		struct fieldopt *fo = NULL;

		switch (c) {
		case 'e':
			pats = scio_reallocarray(pats, npats + 1, sizeof(*pats));
			pats[npats++] = optarg;
			break;
		case 'F': mflags |= SCIO_MATCH_FIXED; break;
		case 'i': icase = 1; break;
		case 'w': mflags |= SCIO_MATCH_WORD; break;
		case 'v': invert = 1; break;
		case OPT_FIELD: field = field_name(optarg, "--field"); break;
		case OPT_QA: r.qa_mode = 1; break;
		case OPT_TURNS: r.turns = 1; break;
		case OPT_MARK: r.mark = 1; break;
		case 'A': r.after = parse_count(optarg, "--after-context", 0); context_given = 1; break;
		case 'B': r.before = parse_count(optarg, "--before-context", 0); context_given = 1; break;
		case 'C':
			r.before = r.after = parse_count(optarg, "--context", 0);
			context_given = 1;
			break;
		case 'c': r.count = 1; break;
		case 'q': r.quiet = 1; break;
		case 's': scio_input_quiet(1); break;
		case 'o': r.only = 1; break;
		case OPT_COLOR: colour = optarg ? optarg : "always"; break;
		case 'l': r.list = 1; break;
		case 'm':
			r.max = parse_count(optarg, "--max-count", 1);
			break;
		case 'h':
			scio_cli_help(usage_text);
		case 'V':
			scio_cli_version();
			break;
		case OPT_SPEAKER: case OPT_ROLE: case OPT_OUTLET: case OPT_DOC:
		case OPT_SINCE: case OPT_UNTIL: case OPT_WHERE:
			conds = scio_reallocarray(conds, nconds + 1, sizeof(*conds));
			fo = &conds[nconds++];
			fo->kind = c;
			fo->value = optarg;
			break;
		default:
			scio_cli_bad_option(c, argv);
		}
		if (fo == NULL)
			continue;
		switch (c) {
		case OPT_SPEAKER: fo->field = "speaker"; fo->what = "--speaker"; break;
		case OPT_OUTLET: fo->field = "outlet"; fo->what = "--outlet"; break;
		case OPT_DOC: fo->field = "doc"; fo->what = "--doc"; break;
		case OPT_ROLE:
			set_roles_ok(optarg);
			fo->field = "role";
			fo->what = "--role";
			break;
		case OPT_SINCE: case OPT_UNTIL:
			if (scio_date_bound_error(optarg) != NULL)
				scio_usage_error("%s: %s: '%s'", c == OPT_SINCE ? "--since" : "--until",
				    scio_date_bound_error(optarg), optarg);
			fo->field = "date";
			break;
		case OPT_WHERE: {
			size_t k = strcspn(optarg, "=<>");

			if (optarg[k] == '\0' || k == 0)
				scio_usage_error("--where: not FIELD=VALUE, FIELD<N, FIELD<=N, "
				    "FIELD>N or FIELD>=N: '%s'", optarg);
			fo->what = "--where";
			if (optarg[k] != '=') {
				/* a numeric comparison: FIELD<N, FIELD<=N, ... */
				size_t oplen = optarg[k + 1] == '=' ? 2 : 1;

				fo->kind = OPT_WHERE_NUM;
				fo->op = scio_strndup(optarg + k, oplen);
				fo->value = optarg + k + oplen;
			} else
				fo->value = optarg + k + 1;
			optarg[k] = '\0';
			fo->field = field_name(optarg, "--where");
			break;
		}
		}
	}
	/* grep's habit: without -e, the first operand is the pattern; with
	 * field conditions, an operand naming a file is still read as one. */
	if (npats == 0 && optind < argc && (nconds == 0 || !names_file(argv[optind]))) {
		if (argv[optind][0] == '\0')
			all = 1;	/* '': every record, as grep '' gives every line */
		else {
			pats = scio_reallocarray(pats, npats + 1, sizeof(*pats));
			pats[npats++] = argv[optind];
		}
		optind++;
	}
	if (npats == 0 && nconds == 0 && !invert && !all)
		scio_usage_error("no PATTERN and no field condition given");
	if (strcmp(colour, "auto") != 0 && strcmp(colour, "always") != 0 &&
	    strcmp(colour, "never") != 0)
		scio_usage_error("bad --color '%s' (auto, always, never)", colour);
	if (r.only && (npats == 0 || invert))
		scio_usage_error("-o needs a PATTERN, and shows nothing under -v");
	if (r.only && (r.qa_mode || context_given || r.mark || r.turns))
		scio_usage_error("-o cannot be combined with --qa, -A, -B, -C, --mark or --turns");
	if (r.qa_mode && context_given)
		scio_usage_error("--qa cannot be combined with -A, -B or -C");
	if (r.count && r.list)
		scio_usage_error("-c and -l cannot be combined");

	r.f = scio_filter_new((icase ? SCIO_MATCH_ICASE : 0) |
	    (getenv("SCIO_NO_JIT") ? SCIO_MATCH_NO_JIT : 0));
	for (size_t i = 0; i < nconds; i++) {
		if (conds[i].kind == OPT_SINCE)
			scio_filter_since(r.f, conds[i].field, conds[i].value);
		else if (conds[i].kind == OPT_UNTIL)
			scio_filter_until(r.f, conds[i].field, conds[i].value);
		else if (conds[i].kind == OPT_WHERE_NUM) {
			if (scio_filter_compare(r.f, conds[i].field, conds[i].op, conds[i].value) < 0)
				scio_usage_error("--where: not a number after '%s': '%s'",
				    conds[i].op, conds[i].value);
			free(conds[i].op);
		}
		else
			scio_filter_equal(r.f, conds[i].field, conds[i].value, conds[i].what);
	}
	if (npats > 0)
		scio_filter_text(r.f, pats, npats, mflags, field, invert);
	else if (invert)
		scio_filter_invert_all(r.f);
	r.field = field;
	if (r.qa_mode || r.before > 0 || r.after > 0)
		r.ctx = scio_context_new(r.qa_mode, r.before, r.after);
	if (!r.count && !r.list && !r.quiet && !r.only && (strcmp(colour, "always") == 0 ||
	    (strcmp(colour, "auto") == 0 && isatty(STDOUT_FILENO)))) {
		struct scio_fmt_opts o = {0};

		o.kind = SCIO_FMT_TEXT;
		o.width = scio_cli_width();
		o.colour = strcmp(colour, "always") == 0 || scio_cli_colour(STDOUT_FILENO);
		o.fields = scio_fmt_default_fields;
		r.view = scio_fmt_new(&o);
		if (npats > 0 && !invert)
			r.mark = 1;
		scio_out_divert(view_write, &r);
	}

	if (optind == argc) {
		struct scio_input in;

		if (scio_input_open(&in, "-") == 0) {
			grep_input(&r, &in);
			scio_input_close(&in);
		}
	}
	for (int i = optind; i < argc; i++) {
		struct scio_input in;
		int more;

		if (scio_input_open(&in, argv[i]) < 0)
			continue;
		more = grep_input(&r, &in);
		scio_input_close(&in);
		if (!more)
			break;
	}
	if (r.count)
		printf("%llu\n", r.nsel);
	if (r.view != NULL) {
		scio_out_divert(NULL, NULL);
		scio_fmt_finish(r.view);
	}

	scio_context_free(r.ctx);
	scio_filter_free(r.f);
	scio_jobj_free(&r.obj);
	scio_buf_free(&r.out);
	scio_buf_free(&r.doc);
	scio_buf_free(&r.qa);
	scio_buf_free(&r.why);
	scio_buf_free(&r.pending);
	scio_strset_free(&r.seen);
	free(pats);
	free(conds);
	scio_out_close();
	if (scio_exit_status() == SCIO_EXIT_ERROR)
		return SCIO_EXIT_ERROR;
	return r.nsel > 0 ? SCIO_EXIT_OK : SCIO_EXIT_NONE;
}
