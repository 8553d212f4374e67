# tests/sample-site.sh: sourced by tests/t-*.sh after tests/lib.sh.
# sample_site_start serves a copy of the bundled sample site
# (tests/fixtures/site) on 127.0.0.1, as scripts/demo and t-readme.sh do:
# the listing's links made local, and its items whose pages the sample does
# not have left out.  Sets SITE (the server's URL) and SITEDIR (the copy it
# serves, which a test may change and must put back), and stops the server
# when the script ends.

sample_site_start() {
	srv=$SCIO_TOP/tests/out/${test_script%.sh}-site
	rm -rf "$srv"
	mkdir -p "$srv"
	SITEDIR=$srv/site
	cp -R "$FIXTURES/site" "$SITEDIR"
	sed -i -e '/content_90000808\|content_90000202/d' -e 's|http://english.scio.gov.cn||g' \
		"$SITEDIR/pressroom/node_8021725.htm"
	/usr/bin/python3 "$SCIO_TOP/tests/server.py" --root "$SITEDIR" >"$srv/port" 2>"$srv/err" &
	SRVPID=$!
	trap 'kill $SRVPID 2>/dev/null' EXIT
	i=0
	while [ ! -s "$srv/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$srv/port" ] || { echo "sample server did not start" >&2; cat "$srv/err" >&2; exit 1; }
	SITE=http://127.0.0.1:$(cat "$srv/port")
	export SITE SITEDIR
}
