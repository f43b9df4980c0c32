#!/bin/sh
# One public OSTEP case: runs `procsim ostep` with NAME.cmd and compares the
# lines that carry data (issue 10 names them per tool) with NAME.out, the
# tool's own output. Exit 77 (ctest: skipped) when procsim says the tool is
# not implemented yet.
# usage: ostep_case.sh PROCSIM CASE_DIR NAME
procsim=$1
dir=$2
name=$3
read -r command < "$dir/$name.cmd" || { echo "cannot read $dir/$name.cmd"; exit 1; }
tool=${command%% *}
case $tool in
  process-run) pattern='^(Time|Stats:| *[0-9]+[* ] )' ;;
  scheduler) pattern='^  (\[ time|Job|Average)' ;;
  mlfq) pattern='^(\[ time|  Job|  Avg)' ;;
  lottery) pattern='^(Random|-->| \()' ;;
  multi) pattern='^( +[0-9]+   |-+$|Finished time|  CPU )' ;;
  *) echo "unknown tool '$tool' in $name.cmd"; exit 1 ;;
esac

scratch=$(mktemp -d) || exit 1
trap 'rm -rf "$scratch"' EXIT
# The command line is split on spaces, as the shell that made NAME.out split it.
# shellcheck disable=SC2086
"$procsim" ostep $command > "$scratch/out" 2> "$scratch/err"
status=$?
if [ "$status" -eq 2 ] && grep -q "not implemented yet" "$scratch/err"; then
  cat "$scratch/err"
  exit 77
fi
if [ "$status" -ne 0 ]; then
  echo "procsim ostep $command exited with $status:"
  cat "$scratch/err"
  exit 1
fi
grep -E "$pattern" "$dir/$name.out" > "$scratch/expected"
grep -E "$pattern" "$scratch/out" > "$scratch/got"
if [ ! -s "$scratch/expected" ]; then
  echo "$name.out has no data lines for $tool"
  exit 1
fi
if ! diff "$scratch/expected" "$scratch/got"; then
  echo "procsim ostep $command: the data lines differ from $name.out (< the tool, > procsim)"
  exit 1
fi
echo "$(wc -l < "$scratch/expected") data lines identical"
