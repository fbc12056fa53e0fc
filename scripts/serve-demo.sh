#!/usr/bin/env bash
# `make run`: the web server and the background worker together, so imports,
# invitations and reminders really run in the demo. Ctrl-C stops both; if either
# one dies, the other is stopped too, so nobody is left with a half-working demo.
set -uo pipefail
BIN=${BIN:-.venv/bin}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

# The worker restarts itself if it stops (scripts/run-worker.sh).
BIN="$BIN" "$(dirname "$0")/run-worker.sh" --interval 1 &
worker=$!
"$BIN/scaffolding" runserver --noreload "$HOST:$PORT" &
web=$!

stop() {
  kill "$web" "$worker" 2>/dev/null
  wait "$web" "$worker" 2>/dev/null
}
trap 'stop; exit 0' INT TERM

# Whichever ends first, end the other.
wait -n "$web" "$worker"
status=$?
echo "The web server or the background worker stopped (exit $status); stopping the other." >&2
stop
exit "$status"
