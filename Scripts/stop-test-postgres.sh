#!/usr/bin/env bash
# Stops the server Scripts/start-test-postgres.sh started and removes its files.
set -u
[ -n "${WAYFINDER_TEST_POSTGRES_DIR:-}" ] || exit 0
runuser -u postgres -- "$WAYFINDER_TEST_POSTGRES_BIN/pg_ctl" -D "$WAYFINDER_TEST_POSTGRES_DIR/data" -m immediate stop >/dev/null 2>&1
rm -rf "$WAYFINDER_TEST_POSTGRES_DIR"
