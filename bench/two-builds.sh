# Shared by bench/fresh-cpu and bench/writes-ab: two published builds of the app started side by side, each on a
# loopback port of its own over a fresh SQLite file, with the rate limits raised so the app, not the limiter, is
# measured. Sets PID[i] and PORT[i] (i = 0 for A, 1 for B) and appends to pids (which the caller's trap kills).
# shellcheck shell=bash

declare -A PID PORT
pids=()

# start_builds ROOT WORK DIR_A DIR_B: starts both and waits until each answers /healthz.
start_builds() {
  local root="$1" work="$2" dirs=("$3" "$4") i port
  for i in 0 1; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    mkdir -p "$work/$i"
    (cd "${dirs[$i]}" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" App__PublicOrigin="http://127.0.0.1:$port" \
      ConnectionStrings__Default="Data Source=$work/$i/app.db" Content__RootPath="$root/content" \
      RateLimits__Writes__PermitLimit=100000000 RateLimits__Guest__PermitLimit=100000 \
      RateLimits__Register__PermitLimit=1000 RateLimits__Login__PermitLimit=1000 \
      dotnet StretchLibrary.Web.dll) >"$work/$i/app.log" 2>&1 &
    pids+=($!); PID[$i]=$!; PORT[$i]=$port
    for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  done
}

# cpu PID: the process's processor time so far (user + system), in clock ticks.
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
