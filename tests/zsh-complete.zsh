# tests/zsh-complete.zsh FPATHDIR LINE WANT...: types LINE and a tab into an
# interactive zsh (in a pseudo-terminal, zsh/zpty) whose fpath starts with
# FPATHDIR, and succeeds once the screen shows every WANT, failing after
# about 10 seconds (TRIES tenths of a second, default 100) without them.
# Prints the screen it saw on failure.
zmodload zsh/zpty || exit 2
dir=$1 line=$2
shift 2
zpty z zsh -f -i || exit 2
zpty -w z "PS1='> '; fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -d ${TMPDIR:-/tmp}/zcompdump-$$; LISTMAX=1000"
zpty -w -n z "$line"$'\t'
screen=
for i in {1..${TRIES:-100}}; do
	while zpty -r -t z chunk; do screen+=$chunk; done
	# What a reader sees: no escape sequences, no character and backspace.
	seen=$(print -r -- "$screen" | sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/.\x08//g' | tr -d '\r')
	ok=1
	for w in "$@"; do [[ $seen == *$w* ]] || ok=0; done
	(( ok )) && break
	sleep 0.1
done
zpty -d z
rm -f ${TMPDIR:-/tmp}/zcompdump-$$
(( ok )) && exit 0
print -r -- "$seen" | tail -n 5
exit 1
