# Shared by bench/sqlite-stress and tests/crash/run: build the app (Release) and the StretchLoad client once,
# then start and stop the real app on a loopback port over a database of its own.
# shellcheck shell=bash

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/artifacts/bench"

build_all() {
  echo "building the app and the load client (Release)..."
  dotnet publish "$repo/src/StretchLibrary.Web" -c Release -o "$out/web" -v quiet -nologo >/dev/null
  dotnet build "$repo/bench/StretchLoad" -c Release -o "$out/load" -v quiet -nologo >/dev/null
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start_app DB_FILE PORT LOG: starts Kestrel in the background and waits for /healthz; sets app_pid.
start_app() {
  local db="$1" port="$2" log="$3"
  (
    cd "$out/web" &&
      exec env ASPNETCORE_ENVIRONMENT=Production \
      ConnectionStrings__Default="Data Source=$db" \
      Content__RootPath="$repo/content" \
      Security__HttpsOnly=false \
      App__PublicOrigin="http://127.0.0.1:$port" \
      RateLimits__Writes__PermitLimit=100000000 \
      RateLimits__Guest__PermitLimit=100000 \
      Serilog__MinimumLevel__Default=Warning \
      Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime=Warning \
      dotnet StretchLibrary.Web.dll --urls "http://127.0.0.1:$port"
  ) >>"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
      echo "the app exited during start-up; its log:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "the app did not answer /healthz within 30 s" >&2
  return 1
}

stop_app() {
  if [ -n "${app_pid:-}" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}

load() {
  dotnet "$out/load/StretchLoad.dll" "$@"
}
