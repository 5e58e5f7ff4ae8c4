# Drives an interactive zsh in a pseudo-terminal, for test/completion.test.ts:
# $1 the folder holding _newsctl, $2 the file compadd's matches go to (one
# line per call, "--" after each TAB), $3 the folder to work in, then the
# lines to press TAB on. Each TAB gets 30 s; the terminal is read as it goes,
# so the shell inside never blocks on a full buffer.
zmodload zsh/zpty
local dir=$1 hits=$2 cwd=$3
shift 3
zpty z zsh -f -i
zpty -w z "PS1='READY>'; fpath=(${(q)dir} \$fpath); autoload -U compinit; compinit -u -D; cd ${(q)cwd}"
zpty -w z "compadd () { local -a h; builtin compadd -O h \"\$@\"; (( \$#h )) && print -r -- \"\${(j:|:)h}\" >> ${(q)hits}; builtin compadd \"\$@\" }"
zpty -w z "_tabdone () { zle complete-word; print -r -- '--' >> ${(q)hits} }; zle -N _tabdone; bindkey '^I' _tabdone"
zpty -r z out '*READY>*READY>*READY>*'
# How many TABs have finished: the "--" lines in the hits file.
marks() {
  local -a m
  m=(${(M)${(f)"$(<$hits)"}:#--})
  print ${#m}
}
local n=0
for line in "$@"; do
  (( n++ ))
  zpty -n -w z "$line"$'\t'
  local deadline=$(( SECONDS + 30 ))
  while (( $(marks) < n && SECONDS < deadline )); do
    while zpty -r -t z out 2>/dev/null; do :; done
    sleep 0.1
  done
  zpty -n -w z $'\C-u'
  while zpty -r -t z out 2>/dev/null; do :; done
done
zpty -d z
