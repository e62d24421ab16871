#!/usr/bin/env bash
# Makes sure the browser tests have Debian's Chromium (playwright-core drives it; Playwright's own browser downloads
# do not work here). When /usr/bin/chromium is missing and we are root, installs the `chromium` package with apt.
# Never fails by itself: when Chromium is still missing, the browser tests report it (skipped outside CI, a failure
# under CI=true). With TRANCHE_CHROMIUM set, it leaves everything alone.
set -uo pipefail
say() { echo "ensure-chromium: $*"; }

if [[ -n "${TRANCHE_CHROMIUM:-}" ]]; then
  say "TRANCHE_CHROMIUM is set ($TRANCHE_CHROMIUM); not installing"
  exit 0
fi
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if [[ "$(id -u)" != "0" ]] || ! command -v apt-get >/dev/null 2>&1; then
  say "/usr/bin/chromium is missing and apt-get cannot run here (not root, or no apt); install Debian's chromium package"
  exit 0
fi
say "installing Debian's chromium package (once)…"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -qq --no-install-recommends chromium >/tmp/ensure-chromium.log 2>&1; then
  apt-get update -qq >>/tmp/ensure-chromium.log 2>&1
  apt-get install -y -qq --no-install-recommends chromium >>/tmp/ensure-chromium.log 2>&1 ||
    say "apt-get install chromium failed (see /tmp/ensure-chromium.log)"
fi
[[ -x /usr/bin/chromium ]] && say "installed $(/usr/bin/chromium --version 2>/dev/null)"
exit 0
