#!/usr/bin/env bash
# Runs every test: builds the solution, starts a private PostgreSQL 15 in a temporary folder, runs all xunit
# projects (unit, integration over loopback HTTP, SQLite and PostgreSQL, the ts-fsrs comparison), then the
# end-to-end test that drives the Microsoft 365 Agents Playground in headless Chromium.
# Needs: .NET 10 SDK, Node.js 20+ with npm, PostgreSQL 15 server binaries, Debian chromium (.ci/run installs them),
# and the team's shared reference folder: ../shared beside the repository, or the folder MICROLEARNBOT_SHARED names.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

# Many tests read real Teams payloads and official schemas from the shared reference folder, which is never copied
# into the repository. Without it they fail only minutes into the run, so a missing folder is reported at the start
# and again at the end. A relative MICROLEARNBOT_SHARED is relative to the repository root, as in the tests.
shared_dir="$(realpath --canonicalize-missing --no-symlinks -- "${MICROLEARNBOT_SHARED:-../shared}")"
warn_shared_missing() {
  if [[ ! -d "$shared_dir" ]]; then
    echo "The shared reference folder was not found at $shared_dir." >&2
    echo "The tests that read Teams payloads and official schemas from it will fail, but every test still runs." >&2
    echo "Put the folder there, or set MICROLEARNBOT_SHARED to its path (absolute, or relative to the repository root):" >&2
    echo "  MICROLEARNBOT_SHARED=/path/to/shared scripts/test.sh" >&2
  fi
}
warn_shared_missing
trap warn_shared_missing EXIT

pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ -z "$pg_bin" || ! -x "$pg_bin/initdb" ]]; then
  echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin). Install them: apt-get install postgresql-15, or set PG_BIN." >&2
  exit 1
fi

pg_dir="$(mktemp -d -t microlearnbot-pg-XXXXXX)"
# A port from the dynamic range that nothing listens on yet; bash's /dev/tcp fails to connect to a free one.
pg_port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 30000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
done
[[ -n "$pg_port" ]] || { echo "No free loopback port found for PostgreSQL." >&2; exit 1; }
run_pg() {
  # initdb and postgres refuse to run as root; use the postgres account when we are root.
  if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_pg() {
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap 'stop_pg; warn_shared_missing' EXIT

if [[ "$(id -u)" == "0" ]]; then chown postgres "$pg_dir"; fi
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U microlearnbot --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c fsync=off" start >/dev/null
export MICROLEARNBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=microlearnbot;Database=postgres"
echo "PostgreSQL for tests on 127.0.0.1:$pg_port"

# Node packages the tests drive (ts-fsrs reference, Adaptive Cards renderer, Agents Playground, playwright-core).
for folder in tests/fsrs-reference tests/content-preview tests/e2e; do
  if [[ -f "$folder/package-lock.json" && ( ! -d "$folder/node_modules" || "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ) ]]; then
    echo "Installing Node packages in $folder"
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

dotnet build MicroLearnBot.sln -c Debug --nologo -v quiet

# Both stages run even when the first fails, so one run reports everything.
status=0
dotnet test MicroLearnBot.sln -c Debug --no-build --nologo || status=$?
scripts/e2e-playground.sh || status=$?
if [[ "$status" != "0" ]]; then
  echo "Some tests failed; see the output above." >&2
fi
exit "$status"
