#!/usr/bin/env bash
# Installs the system tools the build and tests need when they are missing (a bare machine):
# cmake and a C++ compiler for the native addon, psql for the e2e tests, and the PostgreSQL
# server for e2e/sqllogic's oracle. Debian/Ubuntu only; elsewhere it says what is missing and
# leaves it to you.
set -euo pipefail
need=()
command -v cmake >/dev/null 2>&1 || need+=(cmake)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
# A real PostgreSQL server: e2e/sqllogic starts a throwaway cluster as the oracle for its
# expected results (initdb/pg_ctl from /usr/lib/postgresql/<version>/bin).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing system packages: ${need[*]}"
  # The tests run their own throwaway clusters: a drop-in (read by postgresql-common, and not
  # a packaged conffile, so dpkg never asks about it) stops the package from creating and
  # starting a default cluster on port 5432.
  if [[ " ${need[*]} " == *" postgresql "* ]]; then
    mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/vecgres-no-main-cluster.conf
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
else
  echo "missing system tools: ${need[*]} (install them with your package manager)" >&2
  exit 1
fi
