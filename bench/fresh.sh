# Sourced by bench/run (after bench/wrk.sh and the seed): the routine page, the sheet and the home page rendered on
# every request. bench/fresh.lua gives each request a query string of its own, so the page cache misses every time;
# the requests ask for compression as a browser does (BENCH_ACCEPT_ENCODING=identity to leave it out), so
# compressing the fresh page is part of what is measured.
# shellcheck shell=bash

# fresh_render BASE-URL: needs ROUTINE_ID and COOKIE from the seed, $duration and $root.
fresh_render() {
  local base=$1 rounds=3 accept=${BENCH_ACCEPT_ENCODING:-gzip, deflate, br, zstd}
  # name|path|signed in
  local pages=("home|/|no" "routine|/routines/$ROUTINE_ID|yes" "sheet|/routines/$ROUTINE_ID/sheet|yes")
  local e name path signed extra
  echo "== fresh render: every request misses the page cache (a query string of its own), Accept-Encoding: $accept"
  for e in "${pages[@]}"; do
    IFS='|' read -r name path signed <<<"$e"
    extra=(); [ "$signed" = yes ] && extra=(-H "Cookie: $COOKIE")
    # Rendered, not served from memory: the second of two requests to one fresh address has no Age header either.
    local check="$base$path?fresh=check-$RANDOM"
    curl -fsS -o /dev/null "${extra[@]}" "$check" || { echo "bench/run: $path did not answer 200" >&2; return 1; }
    if curl -fsS -D - -o /dev/null "${extra[@]}" "$base$path?fresh=check-$RANDOM-2" | grep -qi '^age:'; then
      echo "bench/run: $path came from the page cache on a fresh address" >&2
      return 1
    fi
    wrk -t2 -c64 -d5s -s "$root/bench/fresh.lua" -H "Accept-Encoding: $accept" "${extra[@]}" "$base$path" >/dev/null 2>&1 || true
  done

  declare -A rps p99 bad
  local round i order
  for round in $(seq 1 "$rounds"); do
    # Rotated by one each round, so a change in the machine's load does not always land on the same page.
    for i in 0 1 2; do
      e=${pages[$(((i + round - 1) % 3))]}
      IFS='|' read -r name path signed <<<"$e"
      extra=(); [ "$signed" = yes ] && extra=(-H "Cookie: $COOKIE")
      read -r r l b < <(measure "$base$path" -s "$root/bench/fresh.lua" -H "Accept-Encoding: $accept" "${extra[@]}")
      rps[$name]+="$r "; p99[$name]+="$l "; bad[$name]=$((${bad[$name]:-0} + b))
    done
  done

  local home_rounds; read -r -a home_rounds <<<"${rps[home]}"
  printf "%-8s %-32s %9s %9s %8s %7s %10s  %s\n" page path "req/s" "p99" "bytes" "non2xx" "vs home" "vs home per round"
  for e in "${pages[@]}"; do
    IFS='|' read -r name path signed <<<"$e"
    extra=(); [ "$signed" = yes ] && extra=(-H "Cookie: $COOKIE")
    local page_rounds ratios=() bytes
    read -r -a page_rounds <<<"${rps[$name]}"
    for i in 0 1 2; do
      ratios+=("$(awk -v a="${page_rounds[$i]}" -v h="${home_rounds[$i]}" 'BEGIN { printf "%.2f", (h > 0 ? a / h : 0) }')")
    done
    bytes=$(curl -fsS -H "Accept-Encoding: $accept" "${extra[@]}" "$base$path?fresh=size" -o /dev/null -w '%{size_download}')
    # shellcheck disable=SC2086
    printf "%-8s %-32s %9.0f %7.2fms %8s %7s %9sx  %s\n" "$name" "$path" "$(median3 ${rps[$name]})" "$(median3 ${p99[$name]})" \
      "$bytes" "${bad[$name]}" "$(median3 "${ratios[@]}")" "${ratios[*]}"
  done
}
