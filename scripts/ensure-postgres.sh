#!/usr/bin/env bash
# Makes sure the PostgreSQL server the integration-postgres tests use is up, with a `test` database:
#   - nothing listening on 127.0.0.1:5432: start the Debian cluster and wait up to 20 s;
#   - no `test` database: create it.
# Prints what it did. Never fails by itself: when the server still cannot be reached, the test run reports it
# (skipped outside CI, a failure under CI=true). With TRANCHE_TEST_DATABASE_URL set, it leaves everything alone.
set -uo pipefail

HOST=127.0.0.1
PORT=5432
DB=test
say() { echo "ensure-postgres: $*"; }

if [[ -n "${TRANCHE_TEST_DATABASE_URL:-}" ]]; then
  say "TRANCHE_TEST_DATABASE_URL is set; not managing the local server"
  exit 0
fi

listening() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$HOST" -p "$PORT" -t 2
  else
    (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
  fi
}

if listening; then
  started=no
else
  started=yes
  clusters=$(ls /etc/postgresql 2>/dev/null | head -n 1)
  if [[ -z "$clusters" ]] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    say "nothing listens on $HOST:$PORT and no Debian PostgreSQL cluster is installed here; not starting one"
    exit 0
  fi
  say "nothing listens on $HOST:$PORT; starting cluster $clusters/main"
  pg_ctlcluster --skip-systemctl-redirect "$clusters" main start 2>&1 | sed 's/^/ensure-postgres:   /' || true
  for _ in $(seq 1 40); do
    listening && break
    sleep 0.5
  done
  if ! listening; then
    say "PostgreSQL still does not answer on $HOST:$PORT after 20 s"
    exit 0
  fi
  say "PostgreSQL is up on $HOST:$PORT"
fi

psql_q() { psql -X -q -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc "$1" 2>&1; }
exists=$(psql_q "SELECT 1 FROM pg_database WHERE datname = '$DB'")
if [[ "$exists" == "1" ]]; then
  [[ "$started" == no ]] && say "PostgreSQL answers on $HOST:$PORT; database $DB present"
  [[ "$started" == yes ]] && say "database $DB present"
elif [[ -z "$exists" ]]; then
  if out=$(createdb -h "$HOST" -p "$PORT" -U postgres "$DB" 2>&1); then
    say "created database $DB"
  else
    say "could not create database $DB: $out"
  fi
else
  say "could not query the server: $exists"
fi
exit 0
