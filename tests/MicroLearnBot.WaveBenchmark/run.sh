#!/usr/bin/env bash
# Runs the morning-wave benchmark on SQLite and on a private PostgreSQL 15 started in a temporary folder, which
# is stopped and removed at exit. Extra arguments go to the benchmark, for example: run.sh --learners 2000
# Needs: .NET 10 SDK and the PostgreSQL server binaries (apt-get install postgresql-15, or set PG_BIN).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"

pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ -z "$pg_bin" || ! -x "$pg_bin/initdb" ]]; then
  echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin). Install them: apt-get install postgresql-15, or set PG_BIN." >&2
  exit 1
fi

pg_dir="$(mktemp -d -t microlearnbot-wave-pg-XXXXXX)"
# A port from the dynamic range that nothing listens on yet. Bash's /dev/tcp fails to connect to a free one.
pg_port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 30000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
done
[[ -n "$pg_port" ]] || { echo "No free loopback port found for PostgreSQL." >&2; exit 1; }

run_pg() {
  # initdb and postgres reject running as root, so use the postgres account when we are root.
  if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_pg() {
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

if [[ "$(id -u)" == "0" ]]; then chown postgres "$pg_dir"; fi
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U microlearnbot --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durable settings (fsync on), unlike the test script, so the numbers include real commits.
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir" start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

dotnet build tests/MicroLearnBot.WaveBenchmark -c Release --nologo -v quiet
dotnet run -c Release --no-build --project tests/MicroLearnBot.WaveBenchmark -- \
  --postgres "Host=127.0.0.1;Port=$pg_port;Username=microlearnbot;Database=postgres" "$@"
