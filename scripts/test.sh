#!/usr/bin/env bash
# `npm test`: unit tests, the integration tests on PGlite and on the PostgreSQL server, and the browser tests
# (Debian's Chromium through playwright-core) — vitest.config.ts.
# Extra arguments go to vitest, e.g. `npm test -- --project unit` or `npm test -- test/unit/fixtures.test.ts`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
bash scripts/ensure-chromium.sh
exec npx vitest run "$@"
