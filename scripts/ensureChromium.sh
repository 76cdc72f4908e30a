#!/usr/bin/env bash
# The tab's browser tests drive Debian's Chromium through playwright-core (no browser download).
# `npm test` runs this first so the README's one test command sets everything up on a fresh machine:
# it installs Debian's package when it is missing and we may (root with apt-get), else says how.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the tab's browser tests (about 30 s)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The tab's browser tests need Chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH), then npm test again." >&2
exit 1
