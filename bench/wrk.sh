# Sourced by bench/run and bench/data-scale: one wrk run, and the median of three numbers.
# shellcheck shell=bash

# measure URL [wrk options...]: prints "requests/s p99-ms non2xx" for one wrk -t2 -c64 run of $duration seconds.
measure() {
  local url=$1; shift
  wrk -t2 -c64 -d"${duration}s" --latency "$@" "$url" 2>/dev/null | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } p99 = v }
    /Non-2xx/ { bad = $NF }
    END { printf "%s %s %s\n", rps, p99, (bad == "" ? 0 : bad) }'
}

# The middle of three numbers.
median3() { printf "%s\n" "$@" | sort -g | sed -n 2p; }
