# Sourced by run.sh: a throwaway code-server (VS Code 1.100.3 server + web workbench) for the tests.
#   cs_prepare STATE VSIX   user-data-dir with settings, extensions dir with the .vsix installed, XDG dirs, short TMPDIR
#   cs_start STATE          starts it on 127.0.0.1:<free port> in its own process group; sets CS_URL, CS_PGID
#   cs_stop                 stops the whole process group (the file watcher children included)
# code-server and VS Code write config, logs, a device id and sockets into $HOME's XDG dirs and $TMPDIR on every
# call: all of it goes under STATE instead. HOME stays (npm's user config lives there).

CS_BIN="$E2E/node_modules/.bin/code-server"

cs_env() {
  local state=$1
  export XDG_CONFIG_HOME="$state/xdg/config" XDG_DATA_HOME="$state/xdg/data" XDG_CACHE_HOME="$state/xdg/cache"
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$state/t"
}

cs_args() { echo --user-data-dir "$1/ud" --extensions-dir "$1/exts" --config "$1/config.yaml"; }

cs_prepare() {
  local state=$1 vsix=$2
  cs_env "$state"
  mkdir -p "$state/ud/User" "$state/exts"
  cp "$E2E/user-settings.json" "$state/ud/User/settings.json"
  # shellcheck disable=SC2046
  TMPDIR="$state/t" "$CS_BIN" $(cs_args "$state") --install-extension "$vsix" </dev/null >"$state/install-extension.log" 2>&1 \
    || { cat "$state/install-extension.log"; return 1; }
  CS_EXTENSION=$(ls -d "$state"/exts/*.xxgk-report-* 2>/dev/null | head -1)
  [ -n "$CS_EXTENSION" ] || { echo "[e2e] the .vsix did not install:"; cat "$state/install-extension.log"; return 1; }
}

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

cs_start() {
  local state=$1 port i
  port=$(free_port)
  cs_env "$state"
  # setsid: own process group, so cs_stop can end the server and every child it forked.
  # TMPDIR: VS Code's IPC sockets go there; the path must stay short (unix socket paths < 108 bytes).
  # shellcheck disable=SC2046
  TMPDIR="$state/t" setsid "$CS_BIN" $(cs_args "$state") --bind-addr "127.0.0.1:$port" --auth none \
    --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    </dev/null >"$state/code-server.log" 2>&1 &
  CS_PGID=$!
  CS_URL="http://127.0.0.1:$port"
  for i in $(seq 1 120); do
    curl -fsS "$CS_URL/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$CS_PGID" 2>/dev/null || { cat "$state/code-server.log"; echo "[e2e] code-server died"; return 1; }
    sleep 0.25
  done
  echo "[e2e] code-server did not answer on $CS_URL"; return 1
}

cs_stop() {
  [ -n "${CS_PGID:-}" ] || return 0
  kill -TERM -- "-$CS_PGID" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- "-$CS_PGID" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$CS_PGID" 2>/dev/null || true
  CS_PGID=""
}
