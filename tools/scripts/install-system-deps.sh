#!/usr/bin/env bash
# Installs the system tools the build and tests need when they are missing (a bare machine):
# cmake and a C++ compiler for the native addon, and psql for the e2e tests. Debian/Ubuntu
# only; elsewhere it says what is missing and leaves it to you.
set -euo pipefail
need=()
command -v cmake >/dev/null 2>&1 || need+=(cmake)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing system packages: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
else
  echo "missing system tools: ${need[*]} (install them with your package manager)" >&2
  exit 1
fi
