#!/usr/bin/env bash
# The background worker, restarted whenever it stops (for example when the database
# went away and it exited). Before each start, imports left running by a stopped
# worker are shown as stopped so people can run them again.
# Under systemd use docs/deploy/scaffolding-worker.service (Restart=always) instead.
set -uo pipefail
BIN=${BIN:-.venv/bin}
RESTART_DELAY=${RESTART_DELAY:-5}

child=
trap '[ -n "$child" ] && kill "$child" 2>/dev/null; exit 0' INT TERM

while true; do
  "$BIN/scaffolding" recover-imports || true
  "$BIN/scaffolding" db_worker --no-reload "$@" &
  child=$!
  wait "$child"
  status=$?
  echo "The background worker stopped (exit $status); starting it again in ${RESTART_DELAY}s." >&2
  sleep "$RESTART_DELAY"
done
