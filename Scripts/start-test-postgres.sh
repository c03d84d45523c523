#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and prints the URL to reach it.
# Usage: eval "$(Scripts/start-test-postgres.sh)"   (exports WAYFINDER_TEST_POSTGRES_URL and WAYFINDER_TEST_POSTGRES_DIR)
# Stop it with: Scripts/stop-test-postgres.sh
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "installing PostgreSQL" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres

dir=$(mktemp -d /tmp/wayfinder-pg.XXXXXX)
chown postgres "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >&2
# TLS with a throwaway self-signed certificate, so sslmode=require is tested against a real server.
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 2 \
  -keyout "$dir/data/server.key" -out "$dir/data/server.crt" >/dev/null 2>&1
chown postgres "$dir/data/server.key" "$dir/data/server.crt"
chmod 600 "$dir/data/server.key"
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c ssl=on" start >&2

echo "export WAYFINDER_TEST_POSTGRES_URL='postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable'"
echo "export WAYFINDER_TEST_POSTGRES_DIR='$dir'"
echo "export WAYFINDER_TEST_POSTGRES_BIN='$bin'"
