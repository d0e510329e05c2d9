# shellcheck shell=bash
# Sourced by the sync benchmarks. Coderoom stores each update in PostgreSQL, the peers keep
# documents in memory only, so the database's share is printed beside Coderoom's figures (it is
# shared with whatever else uses this PostgreSQL meanwhile).

postgres_cpu_seconds() { # CPU seconds used so far by every PostgreSQL process
  local ticks=0 pid fields
  for pid in $(pgrep -x postgres || true); do
    fields=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    ticks=$((ticks + $(awk '{print $12 + $13}' <<<"$fields")))
  done
  echo $((ticks / 100))
}
