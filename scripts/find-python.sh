#!/usr/bin/env bash
# Print the path of a Python >= 3.12: $PYTHON if set, then pyenv's versions (newest
# first), then python3.13 / python3.12 / python3 on PATH. Exit 1 with a message if none.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root 2>/dev/null)
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9]|[2-9][0-9])' | sort -rV); do
    candidates+=("$root/versions/$v/bin/python3")
  done
fi
for name in python3.14 python3.13 python3.12 python3; do
  p=$(command -v "$name" 2>/dev/null) && candidates+=("$p")
done
for c in "${candidates[@]}"; do
  if [ -x "$c" ] && ok "$c"; then echo "$c"; exit 0; fi
done
echo "No Python 3.12 or newer found. Install one (for example 'pyenv install 3.12' or Debian's python3.12)" >&2
echo "or point PYTHON=/path/to/python3.12 at it, then run make again." >&2
exit 1
