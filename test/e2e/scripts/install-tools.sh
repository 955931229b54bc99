#!/usr/bin/env bash
# Installs what the end-to-end tests need, skipping whatever is already there:
#   - Debian: chromium (the browser playwright-core drives), ripgrep and libkrb5-dev (code-server's install needs them),
#     fonts-noto-cjk (without CJK glyphs the Chinese text of the Problems rows and editors lays out differently)
#   - npm, in test/e2e/ only: code-server 4.100.3, playwright-core, mocha, @vscode/test-electron (package-lock.json pins them)
# code-server's postinstall needs four fixes to install offline as root (see the README section "端到端测试"):
#   npm_config_unsafe_perm=true   its postinstall.sh refuses to run as root without it
#   npm_config_yes=true           node-pty's post-install runs `npx node-gyp`, which must not prompt (no stdin in CI)
#   libkrb5-dev                   kerberos builds from source when its prebuilt download fails
#   TMPDIR with a ripgrep cache   @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds the asset in
#                                 $TMPDIR/vscode-ripgrep-cache-<version>/; Debian's rg 13.0.0 is the same release.
set -euo pipefail
E2E=$(cd "$(dirname "$0")/.." && pwd)
log() { echo "[e2e] $*"; }

missing=""
for p in chromium ripgrep libkrb5-dev fonts-noto-cjk; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  log "apt-get install$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$missing >/dev/null
fi

CS="$E2E/node_modules/.bin/code-server"
stamp="$E2E/node_modules/.e2e-installed"
# code-server writes ~/.config/code-server and ~/.local/share/code-server on every call, even --version.
runs() { local x; x=$(mktemp -d); XDG_CONFIG_HOME=$x XDG_DATA_HOME=$x XDG_CACHE_HOME=$x "$CS" --version >/dev/null 2>&1; local rc=$?; rm -rf "$x"; return $rc; }
# Reinstall when the lock file changed since the last install, or when code-server does not start.
if [ ! -f "$stamp" ] || ! cmp -s "$stamp" "$E2E/package-lock.json" || ! runs; then
  log "npm ci in test/e2e (code-server builds native modules: about a minute)"
  seed=$(mktemp -d /tmp/xxgk-e2e-npm.XXXXXX)
  for v in 1.15.9 1.15.11; do
    mkdir -p "$seed/vscode-ripgrep-cache-$v"
    tar -C /usr/bin -czf "$seed/vscode-ripgrep-cache-$v/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
  done
  ( cd "$E2E" && TMPDIR="$seed" XDG_CONFIG_HOME="$seed/xdg" XDG_DATA_HOME="$seed/xdg" XDG_CACHE_HOME="$seed/xdg" \
      npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error )
  rm -rf "$seed"
  cp "$E2E/package-lock.json" "$stamp"
fi
test -x "$E2E/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" || { echo "code-server's ripgrep is missing" >&2; exit 1; }
