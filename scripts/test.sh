#!/usr/bin/env bash
# `npm test`: unit tests, then the integration tests on PGlite and on the PostgreSQL server (vitest.config.ts).
# Extra arguments go to vitest, e.g. `npm test -- --project unit` or `npm test -- test/unit/fixtures.test.ts`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
exec npx vitest run "$@"
