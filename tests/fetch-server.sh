# tests/fetch-server.sh: sourced by tests/t-fetch*.sh after tests/lib.sh.
# Starts tests/server.py on 127.0.0.1 over a copy of the fixture site,
# sets PORT, U (the server's URL), SITE (the copy it serves), SRVLOG (its
# request log, one JSON line a request) and FAST (options that keep
# retries and timeouts short), and stops the server when the script ends.

fetch_server_start() {
	srv=$SCIO_TOP/tests/out/${test_script%.sh}-server
	rm -rf "$srv"
	mkdir -p "$srv"
	SITE=$srv/site
	cp -R "$FIXTURES/fetch/site" "$SITE"
	SRVLOG=$srv/log
	: >"$SRVLOG"
	/usr/bin/python3 "$SCIO_TOP/tests/server.py" --root "$SITE" --log "$SRVLOG" \
		"$@" >"$srv/port" 2>"$srv/err" &
	SRVPID=$!
	trap 'kill $SRVPID 2>/dev/null' EXIT
	i=0
	while [ ! -s "$srv/port" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	PORT=$(cat "$srv/port")
	[ -n "$PORT" ] || { echo "test server did not start" >&2; cat "$srv/err" >&2; exit 1; }
	U=http://127.0.0.1:$PORT
	FAST="--wait 0 --retries 2 --retry-delay 0.05 --timeout 30 --connect-timeout 10 -q"
	export SITE SRVLOG U FAST
}

# requests PATH-PREFIX: how many requests the server saw for paths so starting.
requests() {
	jq -r .path "$SRVLOG" | grep -c "^$1" || true
}
