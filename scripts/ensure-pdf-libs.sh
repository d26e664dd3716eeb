#!/usr/bin/env bash
# The libraries WeasyPrint draws PDFs with (Pango, HarfBuzz) and fonts for the dossiers,
# from Debian. Quick when already there.
set -eu
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! ldconfig -p | grep -q "libpangoft2-1.0.so.0" || ! fc-list 2>/dev/null | grep -qi dejavu; then
  echo "Installing Debian's Pango and DejaVu fonts for the PDF dossiers…"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fontconfig >/dev/null
fi
