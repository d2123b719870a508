# Sourced by tests/run and deploy/local-cluster: a throwaway PostgreSQL 15 cluster and Redis on free loopback
# ports, and how to stop them (by pg_ctl and by PID). Nothing here touches a system-wide server.
#   start_postgres FOLDER   sets PG_PORT and PG_CONNECTION (Npgsql, no Database=: append one)
#   start_redis FOLDER      sets REDIS_PORT, REDIS_PID and REDIS_CONFIGURATION (StackExchange.Redis)
#   stop_services           stops whatever of the two was started
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DATA=""
REDIS_PID=""

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# initdb refuses to run as root: as root, run PostgreSQL's tools as the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local folder="$1"
  mkdir -p "$folder/postgres"
  chmod 755 "$folder"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$folder/postgres"; fi
  PG_DATA="$folder/postgres/data"
  PG_PORT="$(free_port)"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$folder/postgres/server.log" -w -s \
    -o "-p $PG_PORT -k $folder/postgres -c listen_addresses=127.0.0.1 ${PG_EXTRA_OPTIONS:-}" start
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
}

start_redis() {
  local folder="$1"
  REDIS_PORT="$(free_port)"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$folder" \
    --logfile "$folder/redis.log" --daemonize no &
  REDIS_PID=$!
  REDIS_CONFIGURATION="127.0.0.1:$REDIS_PORT"
  for _ in $(seq 50); do
    if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "redis-server did not start on port $REDIS_PORT" >&2
  return 1
}

stop_services() {
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""; fi
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -s stop || true
  fi
  PG_DATA=""
}
