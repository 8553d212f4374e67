# tests/sample-site.sh: sourced by tests/t-*.sh after tests/lib.sh.
# sample_site_start serves the bundled sample site through
# scripts/sample-site (make serve-sample), as a user runs the README's and
# the guides' examples.  Sets SITE (the server's URL) and SITEDIR (the
# copy it serves, which a test may change and must put back), and stops
# the server when the script ends.

sample_site_start() {
	srv=$SCIO_TOP/tests/out/${test_script%.sh}-site
	rm -rf "$srv"
	mkdir -p "$srv"
	sh "$SCIO_TOP/scripts/sample-site" -d "$srv/served" >"$srv/out" 2>"$srv/err" &
	SRVPID=$!
	trap 'kill $SRVPID 2>/dev/null' EXIT
	wait_until 10 "grep -q '^export SITE=' '$srv/out' || ! kill -0 $SRVPID 2>/dev/null" 2>/dev/null
	grep -q '^export SITE=' "$srv/out" ||
		{ echo "sample server did not start" >&2; cat "$srv/err" >&2; exit 1; }
	SITE=$(sed -n 's/^export SITE=//p' "$srv/out")
	SITEDIR=$srv/served/site
	export SITE SITEDIR
}
