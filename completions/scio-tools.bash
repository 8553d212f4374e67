# bash completion for scio-tools: scio-fetch, scio-parse, scio-grep, scio-fmt,
# scio-db, scio-stats.
# Installed once under each program's name in bash-completion's
# completions directory; it needs nothing from bash-completion itself, so
# it can also be sourced from ~/.bashrc.

# The record fields that --field, --where and --fields take.
_scio_fields='type doc url page seq title date speaker role outlet qa text kind urls pages category summary source published time place zh_url speakers chair turns'

_scio_tools()
{
	local cur prev opts
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}
	# --opt=value arrives as three words when = is a word break.
	if [ "$cur" = "=" ]; then
		cur=
	elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 1 ]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	fi
	COMPREPLY=()

	case ${COMP_WORDS[0]##*/} in
	scio-fetch)
		opts='--input --base --no-follow --pages --since --max-pages --max-listing-pages
			--max-urls --max-total --jobs --per-host --wait
			--random-wait --no-random-wait --user-agent --from --no-robots
			--retries --retry-unreachable --retry-delay
			--max-retry-delay --connect-timeout --timeout --low-speed-limit
			--low-speed-time --max-bytes --max-redirs --state --all
			--checkpoint --save --warc --quiet --help --version'
		case $prev in
		-i|--input|--state|--warc)
			COMPREPLY=($(compgen -f -- "$cur")); return ;;
		--save)
			COMPREPLY=($(compgen -d -- "$cur")); return ;;
		-b|--base)
			COMPREPLY=($(compgen -W 'http://english.scio.gov.cn https://english.scio.gov.cn' -- "$cur")); return ;;
		--pages|--since|--max-pages|--max-listing-pages|--max-urls|--max-total|\
		-j|--jobs|--per-host|-w|--wait|-A|--user-agent|--from|--retries|\
		--retry-delay|--max-retry-delay|--connect-timeout|-m|--timeout|\
		--low-speed-limit|--low-speed-time|--max-bytes|--max-redirs|--checkpoint)
			return ;;
		esac
		;;
	scio-parse)
		opts='--docs --url --charset --explain --lines --help --version'
		case $prev in
		-u|--url)
			return ;;
		-c|--charset)
			COMPREPLY=($(compgen -W 'UTF-8 GB18030 GBK GB2312 Windows-1252 ISO-8859-1' -- "$cur")); return ;;
		esac
		;;
	scio-grep)
		opts='--regexp --fixed-strings --ignore-case --word-regexp
			--invert-match --field --speaker --role --outlet --doc --since
			--until --where --qa --after-context --before-context --context
			--turns --quiet --no-messages --only-matching --color --count
			--list --max-count --mark --help --version'
		case $prev in
		--role)
			COMPREPLY=($(compgen -W 'chair official media other' -- "$cur")); return ;;
		--field)
			COMPREPLY=($(compgen -W "$_scio_fields" -- "$cur")); return ;;
		--where)
			compopt -o nospace 2>/dev/null
			COMPREPLY=($(compgen -S = -W "$_scio_fields" -- "$cur")); return ;;
		-e|--regexp|--speaker|--outlet|--doc|--since|--until|-A|\
		--after-context|-B|--before-context|-C|--context|-m|--max-count)
			return ;;
		esac
		;;
	scio-fmt)
		opts='--format --template --fields --no-header --by --bom --safe --width --color
			--help --version'
		case $prev in
		-f|--format)
			COMPREPLY=($(compgen -W 'text md csv tsv html json' -- "$cur")); return ;;
		--by)
			COMPREPLY=($(compgen -W 'turn exchange' -- "$cur")); return ;;
		--color|--colour)
			# Only --color=WHEN takes a value; --color WHEN is a file.
			if [ "${COMP_WORDS[COMP_CWORD-1]}" = "=" ] || [ "${COMP_WORDS[COMP_CWORD]}" = "=" ]; then
				COMPREPLY=($(compgen -W 'auto always never' -- "$cur")); return
			fi ;;
		-F|--fields)
			# A comma-separated list: complete the last name in it.
			local done=${cur%"${cur##*,}"}
			compopt -o nospace 2>/dev/null
			COMPREPLY=($(compgen -P "$done" -W "$_scio_fields" -- "${cur##*,}")); return ;;
		-t|--template|-w|--width)
			return ;;
		esac
		;;
	scio-db)
		# The command is the first word that names one.
		local i cmd=
		for ((i = 1; i < COMP_CWORD; i++)); do
			case ${COMP_WORDS[i]} in
			load|search|docs|stats|sql) cmd=${COMP_WORDS[i]}; break ;;
			esac
		done
		case $prev in
		-d|--db)
			COMPREPLY=($(compgen -f -- "$cur")); return ;;
		--role)
			COMPREPLY=($(compgen -W 'chair official media other' -- "$cur")); return ;;
		--field)
			COMPREPLY=($(compgen -W 'text speaker outlet all' -- "$cur")); return ;;
		--speaker|--outlet|--doc|--since|--until|-m|--max-count)
			return ;;
		esac
		case $cmd in
		'')
			opts='--db --help --version --field --speaker --role --outlet
				--doc --since --until --qa --rank --count --max-count
				--no-turns --json --csv --tsv'
			case $cur in
			-*) ;;
			*) COMPREPLY=($(compgen -W 'load search docs stats sql' -- "$cur")); return ;;
			esac ;;
		load) opts= ;;
		search) opts='--field --speaker --role --outlet --doc --since --until
				--qa --rank --count --max-count' ;;
		docs) opts='--doc --since --until --no-turns' ;;
		stats) opts='--json' ;;
		sql) opts='--csv --tsv' ;;
		esac
		# a query or a statement is not a file name
		case $cmd:$cur in
		load:*|*:-*) ;;
		*) return ;;
		esac
		;;
	scio-stats)
		opts='--by --count --regexp --fixed-strings --ignore-case --word-regexp
			--per --share --top --summary --format --no-header --ascii
			--help --version'
		case $prev in
		-f|--format)
			COMPREPLY=($(compgen -W 'table tsv csv json md svg html' -- "$cur")); return ;;
		-c|--count)
			COMPREPLY=($(compgen -W 'turns questions exchanges words conferences hits' -- "$cur")); return ;;
		-b|--by)
			local done=${cur%"${cur##*,}"}
			compopt -o nospace 2>/dev/null
			COMPREPLY=($(compgen -P "$done" -W "$_scio_fields speaker_title year month weekday agency" -- "${cur##*,}")); return ;;
		-e|--regexp|--per|--top)
			return ;;
		esac
		;;
	*)
		return ;;
	esac

	case $cur in
	-*)
		COMPREPLY=($(compgen -W "$opts" -- "$cur")) ;;
	*)
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
}
complete -F _scio_tools -o filenames scio-fetch scio-parse scio-grep scio-fmt scio-db scio-stats
