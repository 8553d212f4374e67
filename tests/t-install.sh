#!/bin/sh
# make install puts the programs, man pages and shell completions under
# DESTDIR/PREFIX and nowhere else; make uninstall takes them all away.
# The installed completions complete.
. "$SCIO_TOP/tests/lib.sh"

PROGS="scio-fetch scio-parse scio-grep scio-fmt scio-db scio-stats"
export PROGS

# install_into DIR [PREFIX]: make install with DESTDIR=DIR, quietly.
install_into() {
	if [ -n "${2:-}" ]; then
		make -s -C "$SCIO_TOP" install DESTDIR="$1" PREFIX="$2" >make.log 2>&1
	else
		make -s -C "$SCIO_TOP" install DESTDIR="$1" >make.log 2>&1
	fi || { cat make.log; return 1; }
}

uninstall_from() {
	if [ -n "${2:-}" ]; then
		make -s -C "$SCIO_TOP" uninstall DESTDIR="$1" PREFIX="$2" >make.log 2>&1
	else
		make -s -C "$SCIO_TOP" uninstall DESTDIR="$1" >make.log 2>&1
	fi || { cat make.log; return 1; }
}

test_expect_success 'make install DESTDIR= yields programs, man pages and completions' '
	install_into "$PWD/stage" &&
	(cd stage && find . -type f | sort) >got &&
	cat >want <<-EOF &&
	./usr/local/bin/scio-db
	./usr/local/bin/scio-fetch
	./usr/local/bin/scio-fmt
	./usr/local/bin/scio-grep
	./usr/local/bin/scio-nightly
	./usr/local/bin/scio-parse
	./usr/local/bin/scio-stats
	./usr/local/share/bash-completion/completions/scio-db
	./usr/local/share/bash-completion/completions/scio-fetch
	./usr/local/share/bash-completion/completions/scio-fmt
	./usr/local/share/bash-completion/completions/scio-grep
	./usr/local/share/bash-completion/completions/scio-parse
	./usr/local/share/bash-completion/completions/scio-stats
	./usr/local/share/man/man1/scio-db.1
	./usr/local/share/man/man1/scio-fetch.1
	./usr/local/share/man/man1/scio-fmt.1
	./usr/local/share/man/man1/scio-grep.1
	./usr/local/share/man/man1/scio-nightly.1
	./usr/local/share/man/man1/scio-parse.1
	./usr/local/share/man/man1/scio-stats.1
	./usr/local/share/man/man5/scio-records.5
	./usr/local/share/zsh/site-functions/_scio
	EOF
	test_cmp want got &&
	for p in $PROGS; do
		test -x stage/usr/local/bin/$p &&
		stage/usr/local/bin/$p --version | grep -q "^$p (scio-tools) " || exit 1
	done &&
	test "$(stat -c %a stage/usr/local/share/man/man5/scio-records.5)" = 644 &&
	stage/usr/local/bin/scio-nightly --version | grep -q "^scio-nightly (scio-tools) " &&
	MANWIDTH=80 man -M stage/usr/local/share/man 1 scio-nightly | grep -q "EXIT STATUS"
'

test_expect_success 'installed man pages are found by man under the prefix' '
	install_into "$PWD/stage" &&
	MANWIDTH=80 man -M stage/usr/local/share/man 5 scio-records >page 2>err &&
	grep -q "RECORD TYPES" page && ! test -s err &&
	MANWIDTH=80 man -M stage/usr/local/share/man 1 scio-grep | grep -q "EXIT STATUS"
'

test_expect_success 'PREFIX moves everything, and nothing lands outside DESTDIR' '
	install_into "$PWD/stage" /opt/scio &&
	(cd stage && find . -type f) >files &&
	test "$(wc -l <files)" = 22 &&
	! grep -v "^\./opt/scio/" files &&
	test -x stage/opt/scio/bin/scio-grep &&
	test -f stage/opt/scio/share/zsh/site-functions/_scio &&
	test -f stage/opt/scio/share/man/man5/scio-records.5
'

test_expect_success 'make uninstall removes every file it installed' '
	install_into "$PWD/stage" &&
	install_into "$PWD/stage" /opt/scio &&
	touch stage/usr/local/bin/not-ours &&
	uninstall_from "$PWD/stage" &&
	uninstall_from "$PWD/stage" /opt/scio &&
	(cd stage && find . -type f) >left &&
	echo ./usr/local/bin/not-ours >want &&
	test_cmp want left
'

# complete LINE: what the installed bash completion offers for LINE (the
# last word being completed), one per line, sorted.
cat >"$SCIO_TOP/tests/out/complete.bash" <<'EOF'
. "$1"
read -r -a COMP_WORDS <<<"$2"
case $2 in *" ") COMP_WORDS+=("") ;; esac
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
complete -p "${COMP_WORDS[0]}" >/dev/null || exit 1
_scio_tools
[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}" | sort
EOF
completions_for() {
	bash "$SCIO_TOP/tests/out/complete.bash" \
		stage/usr/local/share/bash-completion/completions/"${1%% *}" "$1"
}

if ! command -v bash >/dev/null 2>&1; then
	test_skip 'bash completion' 'skipped: no bash'
else
	test_expect_success 'bash completes options and their values' '
		install_into "$PWD/stage" &&
		completions_for "scio-grep --ro" >got && echo --role >want && test_cmp want got &&
		completions_for "scio-grep --role " >got &&
		printf "%s\n" chair media official other >want && test_cmp want got &&
		completions_for "scio-grep --role = m" >got && echo media >want && test_cmp want got &&
		completions_for "scio-fmt -f c" >got && echo csv >want && test_cmp want got &&
		completions_for "scio-fmt --fields date,ro" >got && echo date,role >want && test_cmp want got &&
		completions_for "scio-parse --ch" >got && echo --charset >want && test_cmp want got &&
		completions_for "scio-stats --count q" >got && echo questions >want && test_cmp want got &&
		completions_for "scio-stats --by year,mo" >got && echo year,month >want && test_cmp want got &&
		completions_for "scio-fetch --st" >got && echo --state >want && test_cmp want got &&
		mkdir archive && : >archive.jsonl &&
		completions_for "scio-fetch --save arch" >got && echo archive >want && test_cmp want got &&
		completions_for "scio-grep --speaker arch" >got && test ! -s got &&
		completions_for "scio-grep archive.j" >got && echo archive.jsonl >want && test_cmp want got &&
		completions_for "scio-db s" >got && printf "%s\n" search sql stats >want && test_cmp want got &&
		completions_for "scio-db search --r" >got && printf "%s\n" --rank --role >want && test_cmp want got &&
		completions_for "scio-db sql --" >got && printf "%s\n" --csv --tsv >want && test_cmp want got &&
		completions_for "scio-db load archive.j" >got && echo archive.jsonl >want && test_cmp want got
	'
fi

# Every long option of --help, and no other, is offered by both completions.
for p in $PROGS; do
	test_expect_success "$p: the completions offer exactly the options of --help" '
		$p --help | sed -n "s/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p" | sort -u >help &&
		test "$(wc -l <help)" -ge 6 &&
		sed -n -e "/^common=(/,/^)/p" -e "/^$p)/,/^	;;/p" "$SCIO_TOP/completions/_scio" |
			grep -o -e "--[a-z][a-z-]*" | sort -u >zsh &&
		test_cmp help zsh
	'
	test_expect_success bash "$p: the bash completion offers exactly the options of --help" '
		$p --help | sed -n "s/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p" | sort -u >help &&
		make -s -C "$SCIO_TOP" install DESTDIR="$PWD/stage" >/dev/null 2>&1 &&
		completions_for "$p --" >bash && test_cmp help bash
	'
done

if ! command -v zsh >/dev/null 2>&1; then
	test_skip 'zsh completion' 'skipped: no zsh'
else
	test_expect_success 'the zsh completion loads and is bound to every program' '
		install_into "$PWD/stage" &&
		zsh -n stage/usr/local/share/zsh/site-functions/_scio &&
		HOME=$PWD zsh -f -c "fpath=($PWD/stage/usr/local/share/zsh/site-functions \$fpath);
			autoload -Uz compinit && compinit -u -d $PWD/zcompdump;
			for p in $PROGS; do print -r -- \$p=\${_comps[\$p]}; done" >got &&
		printf "%s=_scio\n" $PROGS >want &&
		test_cmp want got
	'
	test_expect_success 'zsh completes options and their values at a prompt' '
		install_into "$PWD/stage" &&
		Z="zsh -f $SCIO_TOP/tests/zsh-complete.zsh $PWD/stage/usr/local/share/zsh/site-functions" &&
		$Z "scio-grep --role=" chair media official other &&
		$Z "scio-fmt -f " csv html json md text tsv &&
		$Z "scio-fetch --sta" "--state=" &&
		$Z "scio-stats -f " csv html json md svg table tsv &&
		$Z "scio-parse --charset=" GB18030 Windows-1252 &&
		$Z "scio-db search --role=" chair media official other &&
		! TRIES=20 $Z "scio-grep --role=" nonsense-value >/dev/null
	'
fi
