#!/bin/sh
# examples/cron/scio-nightly against the sample site on 127.0.0.1: the
# first run archives every conference the listing names, a second run adds
# nothing and loses nothing, a new conference is added alone, and after a
# failure (a page missing, the archive not writable) the run says so, exits
# 1, and the next run makes up for it.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! command -v flock >/dev/null 2>&1; then
	test_skip 'scio-nightly' 'skipped: no python3 or no flock'
	exit 0
fi
. "$SCIO_TOP/tests/sample-site.sh"
sample_site_start

NIGHTLY=$SCIO_TOP/examples/cron/scio-nightly
SCIO_FETCH_OPTIONS="--retries 0 --timeout 10"
export NIGHTLY SCIO_FETCH_OPTIONS
LISTING=$SITEDIR/pressroom/node_8021725.htm
cp "$LISTING" "$SITEDIR/listing.orig"
export LISTING

# nightly: one run on ./d, its stdout and stderr kept, its status returned.
nightly() {
	"$NIGHTLY" -b "$SITE" -d d "$@" >out 2>err
}
# archived: the turn records in the archive, sorted.
archived() {
	zcat d/archive/turns-*.jsonl.gz | sort
}
# expected: what the whole pipeline makes of the listing, run by hand.
expected() {
	scio-fetch -q "$SITE/pressroom/node_8021725.htm" | scio-parse |
		scio-fetch -q | scio-parse | sort
}
restore() {
	cp "$SITEDIR/listing.orig" "$LISTING"
}

test_expect_success '--help, --version, and a wrong option named as the programs do' '
	"$NIGHTLY" --help >out && grep -q "^Usage: scio-nightly " out &&
	grep -q -- "--version" out &&
	"$NIGHTLY" -h >out2 && test_cmp out out2 &&
	"$NIGHTLY" --version >v &&
	echo "scio-nightly (scio-tools) $(scio-fetch --version | sed "s/.* //")" >want &&
	test_cmp want v &&
	test_expect_code 2 "$NIGHTLY" --bogus >out 2>err && test ! -s out &&
	grep -q "^scio-nightly: unknown option: .--bogus.$" err &&
	test_expect_code 2 "$NIGHTLY" -d 2>err &&
	grep -q "option requires an argument" err
'

test_expect_success 'the man page: every option of --help, well-formed' '
	"$NIGHTLY" --help | sed -n "s/^ *\(-[a-zA-Z]\).*/\1/p" | sort >help &&
	test "$(wc -l <help)" -ge 6 &&
	sed "s/\\\\-/-/g" "$SCIO_TOP/examples/cron/scio-nightly.1" >man.txt &&
	while read -r o; do
		grep -q "^\.B[IR]* $o" man.txt || { echo "not in the man page: $o"; exit 1; }
	done <help
'

test_expect_success mandoc 'the man page passes mandoc -Tlint' '
	mandoc -Tlint -W warning "$SCIO_TOP/examples/cron/scio-nightly.1"
'

test_expect_success 'the systemd units: the timer runs the service at the crontab line'"'"'s hour' '
	grep -qx "OnCalendar=\*-\*-\* 03:17:00" "$SCIO_TOP/examples/systemd/scio-nightly.timer" &&
	grep -qx "ExecStart=/usr/local/bin/scio-nightly" "$SCIO_TOP/examples/systemd/scio-nightly.service" &&
	grep -q "^#   17 3 \* \* \*  /usr/local/bin/scio-nightly$" "$NIGHTLY"
'

test_expect_success systemd-analyze 'the systemd units pass systemd-analyze verify' '
	cp "$SCIO_TOP/examples/systemd/"scio-nightly.* . &&
	systemd-analyze verify --man=no ./scio-nightly.timer >out 2>&1 &&
	! grep -v "is not executable\|No such file" out
'

test_expect_success 'the first run archives every listed conference, silently' '
	nightly && test_cmp /dev/null out && test_cmp /dev/null err &&
	ls d/archive >files && test "$(wc -l <files)" = 1 &&
	grep -q "^turns-[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]\.jsonl\.gz$" files &&
	expected >want && test "$(wc -l <want)" -ge 30 &&
	archived >got && test_cmp want got &&
	test "$(wc -l <d/scio-nightly.log)" = 1 &&
	grep -q "Z ok: 4 listed, 7 pages new, $(wc -l <want) turns to turns-" d/scio-nightly.log
'

test_expect_success '-f EMAIL (or SCIO_FROM) goes to every scio-fetch as --from; a bad one is a usage error' '
	mkdir bin &&
	printf "#!/bin/sh\\necho \"\$*\" >>\"%s/args\"\\nexec \"%s/scio-fetch\" --wait 0 \"\$@\"\\n" "$PWD" "$SCIO_BIN" >bin/scio-fetch &&
	chmod +x bin/scio-fetch &&
	PATH=$PWD/bin:$PATH "$NIGHTLY" -b "$SITE" -d d -f data-desk@example.org >out 2>err &&
	test "$(grep -c -e "--from data-desk@example.org" args)" = 2 &&
	: >args &&
	SCIO_FROM=night@example.org PATH=$PWD/bin:$PATH "$NIGHTLY" -b "$SITE" -d d >out 2>err &&
	test "$(grep -c -e "--from night@example.org" args)" -ge 1 &&
	test_expect_code 2 "$NIGHTLY" -b "$SITE" -d d -f "not an address" >out 2>err &&
	grep -q "^scio-nightly: invalid contact address: .not an address." err &&
	"$NIGHTLY" --help >out && grep -q "^  -f EMAIL " out
'

test_expect_success 'scio-grep and scio-fmt read the archive as it is, gzip and all' '
	nightly && zcat d/archive/turns-*.jsonl.gz >plain.jsonl &&
	scio-grep --role media plain.jsonl >want && test -s want &&
	scio-grep --role media d/archive/turns-*.jsonl.gz >got 2>err &&
	test_cmp want got && test_cmp /dev/null err &&
	cat d/archive/turns-*.jsonl.gz | scio-grep --role media >got && test_cmp want got &&
	scio-fmt -f csv plain.jsonl >want &&
	scio-fmt -f csv d/archive/turns-*.jsonl.gz >got && test_cmp want got
'

test_expect_success 'a second run adds nothing and loses nothing' '
	nightly && cp d/archive/turns-*.jsonl.gz before.gz &&
	nightly && test_cmp /dev/null out && test_cmp /dev/null err &&
	cmp before.gz d/archive/turns-*.jsonl.gz &&
	expected >want && archived >got && test_cmp want got &&
	test "$(wc -l <d/scio-nightly.log)" = 2 &&
	sed -n 2p d/scio-nightly.log | grep -q "ok: 4 listed, 0 pages new, 0 turns" &&
	test -z "$(ls d/spool)"
'

test_expect_success 'a conference newly listed is archived alone, once' '
	nightly && archived >first &&
	sed -i "/content_90000909/i <li><a href=\"2019-06/14/content_90000303.htm\">SCIO press conference on rural post</a> <span class=\"date\">June 14, 2019</span></li>" "$LISTING" &&
	nightly; st=$?; restore; test $st = 0 &&
	archived >got &&
	comm -13 first got >added &&
	test "$(wc -l <got)" = $(($(wc -l <first) + $(wc -l <added))) &&
	jq -r .doc added | sort -u >docs && echo 90000303 >want && test_cmp want docs &&
	test -z "$(sort got | uniq -d)" &&
	tail -n 1 d/scio-nightly.log | grep -q "ok: 5 listed, 2 pages new"
'

test_expect_success 'a page that fails: status 1, a log line, and the next run makes up for it' '
	mv "$SITEDIR/pressroom/2021-12/10/content_90000404.htm" missing.htm &&
	nightly; st=$?;
	mv missing.htm "$SITEDIR/pressroom/2021-12/10/content_90000404.htm" &&
	test $st = 1 && test_cmp /dev/null out &&
	grep -q "^scio-nightly: .* FAILED: some pages could not be fetched" err &&
	tail -n 1 d/scio-nightly.log | grep -q "FAILED: some pages could not be fetched" &&
	archived >got && ! grep -q "\"doc\":\"90000404\"" got &&
	nightly && test_cmp /dev/null err &&
	expected >want && archived >got && test_cmp want got
'

test_expect_success 'an archive that cannot be written: pages kept in the spool, archived next run' '
	mkdir -p d && mkdir d/turns.part.gz &&
	nightly; st=$?; test $st = 1 &&
	grep -q "cannot append to .*kept for the next run" err &&
	test "$(ls d/spool | wc -l)" = 1 && ! ls d/archive/*.gz 2>/dev/null &&
	rmdir d/turns.part.gz &&
	nightly && test -z "$(ls d/spool)" &&
	expected >want && archived >got && test_cmp want got &&
	tail -n 1 d/scio-nightly.log | grep -q "ok: 4 listed, 0 pages new, $(wc -l <want) turns"
'

test_expect_success 'a spool a killed run left waits while the listing fails, cut back to what the state counts' '
	mkdir -p d/spool &&
	scio-fetch -q --state d/state </dev/null >>d/spool/pages.jsonl &&
	scio-fetch -q "$SITE/pressroom/2024-07/22/content_90000101.htm" >>d/spool/pages.jsonl &&
	: >d/spool/pages.jsonl.open &&
	"$NIGHTLY" -b "$SITE" -d d -l /pressroom/no-such-listing.htm >out 2>err; st=$?; test $st = 1 &&
	grep -q "FAILED: listing: scio-fetch exited 1" err &&
	! ls d/archive/*.gz 2>/dev/null && ! test -s d/spool/pages.jsonl &&
	! test -e d/spool/pages.jsonl.open &&
	nightly && expected >want && archived >got && test_cmp want got
'

test_expect_success 'the site unreachable: status 1 and nothing archived' '
	"$NIGHTLY" -b http://127.0.0.1:1 -d d >out 2>err; st=$?; test $st = 1 &&
	grep -q "FAILED: listing: scio-fetch exited 1" err &&
	! ls d/archive/*.gz 2>/dev/null && test -z "$(ls d/spool)"
'

# A scio-fetch killed after writing past its last state save leaves
# conferences in the spool that the state does not count; if the next
# night's listing fails, that spool must not be archived as it is (the
# night after would fetch and archive those conferences again).
test_expect_success 'a fetch killed past its state save, then a night without a listing: no conference twice' '
	mkdir w &&
	cat >w/scio-fetch <<-EOF &&
	#!/bin/sh
	# the pages step of the first night: half the links with the state,
	# the rest past it, then a death by SIGKILL (status 137)
	case " \$* " in *" --state "*) ;; *) exec "$SCIO_TOP/bin/scio-fetch" "\$@";; esac
	test -e "$PWD/w/once" || exec "$SCIO_TOP/bin/scio-fetch" "\$@"
	rm -f "$PWD/w/once"
	cat >"$PWD/w/links"
	n=\$(grep -c "^{\"type\":\"link\"" "$PWD/w/links")
	grep "^{\"type\":\"link\"" "$PWD/w/links" | head -n \$((n / 2)) | "$SCIO_TOP/bin/scio-fetch" "\$@"
	grep "^{\"type\":\"link\"" "$PWD/w/links" | tail -n +\$((n / 2 + 1)) | "$SCIO_TOP/bin/scio-fetch" -q
	exit 137
	EOF
	chmod +x w/scio-fetch && : >w/once &&
	PATH="$PWD/w:$PATH" nightly; test $? = 1 &&
	grep -q "scio-fetch exited 137" err &&
	mv "$LISTING" listing.away &&
	nightly; st=$?; mv listing.away "$LISTING"; test $st = 1 &&
	nightly &&
	expected >want && archived >got && test_cmp want got &&
	test -z "$(ls d/spool)"
'

test_expect_success 'a run while another holds the lock does nothing, with status 0' '
	mkdir d && flock d/lock "$NIGHTLY" -b "$SITE" -d d >out 2>err &&
	test_cmp /dev/null out && test_cmp /dev/null err &&
	grep -q "busy: another run holds" d/scio-nightly.log &&
	! test -e d/state && ! ls d/archive/*.gz 2>/dev/null
'

test_expect_success '-D loads the archive into a scio-db database, and again adds nothing' '
	nightly -D "$PWD/d/scio.db" && test_cmp /dev/null out && test_cmp /dev/null err &&
	archived | grep "^{\"type\":\"turn\"" >want &&
	scio-db -d d/scio.db search >got.u && sort got.u >got && test_cmp want got &&
	tail -n 1 d/scio-nightly.log | grep -q ", 1 archive files loaded into scio.db (" &&
	scio-db -d d/scio.db sql "SELECT id, turns_hash FROM docs ORDER BY id" >before &&
	nightly -D "$PWD/d/scio.db" && test_cmp /dev/null err &&
	tail -n 1 d/scio-nightly.log | grep -q ", 0 archive files loaded into scio.db (" &&
	scio-db -d d/scio.db sql "SELECT id, turns_hash FROM docs ORDER BY id" >after &&
	test_cmp before after
'

test_expect_success 'a database that cannot be loaded: status 1, loaded on the next run' '
	nightly && echo "not a database at all, just text ..................." >d/bad.db &&
	nightly -D "$PWD/d/bad.db"; st=$?; test $st = 1 &&
	grep -q "FAILED: scio-db load into .*bad.db failed" err &&
	grep -q "not a database" d/scio-db.err &&
	rm d/bad.db && nightly -D "$PWD/d/bad.db" && test_cmp /dev/null err &&
	test "$(scio-db -d d/bad.db search -c)" -gt 30
'

test_expect_success 'SCIO_BASE and SCIO_DIR stand for -b and -d; -h and a bad option' '
	SCIO_BASE=$SITE SCIO_DIR=$PWD/e "$NIGHTLY" && test -s e/archive/turns-*.jsonl.gz &&
	"$NIGHTLY" -h >help && grep -q "^Usage: scio-nightly" help &&
	test_expect_code 2 "$NIGHTLY" -x 2>err && grep -q "unknown option: .-x." err &&
	test_expect_code 2 "$NIGHTLY" extra 2>err && grep -q "unexpected argument" err
'
