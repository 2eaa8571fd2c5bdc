package main

import (
	"fmt"
	"io"
)

// Shell completion scripts, printed by `annalist completion SHELL`: the
// commands, their flags, --paper's two values, and file names where a
// FILE or DIR goes (YAML files for build, check and chart).

const bashCompletion = `# bash completion for annalist: eval "$(annalist completion bash)"
_annalist() {
	local cur prev cmd
	cur="${COMP_WORDS[COMP_CWORD]}"
	prev="${COMP_WORDS[COMP_CWORD-1]}"
	cmd="${COMP_WORDS[1]}"
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "build init watch check chart import export completion help version --help --version" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur"))
		return
	fi
	case "$prev" in
	--paper) COMPREPLY=($(compgen -W "a4 letter" -- "$cur")); return ;;
	-o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--figure) COMPREPLY=($(compgen -W "overview detail-1 sources" -- "$cur")); return ;;
	--size) COMPREPLY=($(compgen -W "16:9 4:3" -- "$cur")); return ;;
	--dpi) return ;;
	esac
	case "$cmd" in
	completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
	init) COMPREPLY=($(compgen -d -- "$cur")) ;;
	import) COMPREPLY=($(compgen -W "-o" -- "$cur") $(compgen -f -X '!*.json' -- "$cur")) ;;
	export) COMPREPLY=($(compgen -W "--timelinejs -o" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur")) ;;
	check) COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur")) ;;
	chart) COMPREPLY=($(compgen -W "-o --figure --all --list --size --dpi" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur")) ;;
	*) COMPREPLY=($(compgen -W "-o --paper --grayscale" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur")) ;;
	esac
}
complete -o filenames -F _annalist annalist
`

const zshCompletion = `#compdef annalist
# zsh completion for annalist: annalist completion zsh > "${fpath[1]}/_annalist"
_annalist() {
	local -a cmds
	cmds=(build:'write the PDF handout' init:'write a starter project' watch:'rebuild on every change' check:'validate FILE(s)' chart:'write the chart as SVG' import:'a TimelineJS timeline as a handout' export:'the handout as TimelineJS JSON' completion:'print a shell completion script' help:'show the help' version:'print the version')
	if (( CURRENT == 2 )); then
		_describe 'command' cmds
		_files -g '*.y(a|)ml'
		return
	fi
	case $words[2] in
	completion) _values 'shell' bash zsh fish ;;
	init) _files -/ ;;
	import) _arguments '-o[output path]:file:_files' '*:file:_files -g "*.json"' ;;
	export) _arguments '--timelinejs[TimelineJS JSON]' '-o[output path]:file:_files' '*:file:_files -g "*.y(a|)ml"' ;;
	check) _files -g '*.y(a|)ml' ;;
	chart) _arguments '-o[output path]:file:_files' '--figure[the Nth figure alone]:number:' '--list[name the figures]' '*:file:_files -g "*.y(a|)ml"' ;;
	*) _arguments '-o[output path]:file:_files' '--paper[paper size]:paper:(a4 letter)' '--grayscale[render in grays]' '*:file:_files -g "*.y(a|)ml"' ;;
	esac
}
_annalist "$@"
`

const fishCompletion = `# fish completion for annalist: annalist completion fish > ~/.config/fish/completions/annalist.fish
complete -c annalist -f
complete -c annalist -n __fish_use_subcommand -a build -d 'write the PDF handout'
complete -c annalist -n __fish_use_subcommand -a init -d 'write a starter project'
complete -c annalist -n __fish_use_subcommand -a watch -d 'rebuild on every change'
complete -c annalist -n __fish_use_subcommand -a check -d 'validate FILE(s)'
complete -c annalist -n __fish_use_subcommand -a chart -d 'write the chart as SVG'
complete -c annalist -n __fish_use_subcommand -a import -d 'a TimelineJS timeline as a handout'
complete -c annalist -n __fish_use_subcommand -a export -d 'the handout as TimelineJS JSON'
complete -c annalist -n __fish_use_subcommand -a completion -d 'print a shell completion script'
complete -c annalist -n __fish_use_subcommand -a help -d 'show the help'
complete -c annalist -n __fish_use_subcommand -a version -d 'print the version'
complete -c annalist -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'
complete -c annalist -n '__fish_seen_subcommand_from init' -a '(__fish_complete_directories)'
complete -c annalist -n 'not __fish_seen_subcommand_from completion init' -a '(__fish_complete_suffix .yaml; __fish_complete_suffix .yml)'
complete -c annalist -s o -r -F -d 'output path'
complete -c annalist -l paper -x -a 'a4 letter' -d 'paper size'
complete -c annalist -l grayscale -d 'render in grays'
complete -c annalist -n '__fish_seen_subcommand_from chart' -l figure -x -d 'the Nth figure alone'
complete -c annalist -n '__fish_seen_subcommand_from chart' -l list -d 'name the figures'
complete -c annalist -n '__fish_seen_subcommand_from export' -l timelinejs -d 'TimelineJS JSON'
complete -c annalist -l help -d 'show the help'
complete -c annalist -l version -d 'print the version'
`

// completion prints the completion script for shell.
func completion(shell string, stdout io.Writer) error {
	script := map[string]string{"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}[shell]
	if script == "" {
		return usagef("completion takes bash, zsh or fish, not %q", shell)
	}
	_, err := fmt.Fprint(stdout, script)
	return err
}
