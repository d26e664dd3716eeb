#!/usr/bin/env bash
# A program from Debian, installed with apt if absent: `ensure-apt.sh nginx nginx`
# (`make serve`, `make bench`), `ensure-apt.sh wrk wrk` (`make bench`). Quick when present.
set -eu
program=$1 package=$2
PATH="$PATH:/usr/sbin:/sbin" command -v "$program" >/dev/null && exit 0
echo "Installing Debian's $package…"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "$package" >/dev/null
