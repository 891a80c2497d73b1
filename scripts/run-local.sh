#!/usr/bin/env bash
# Starts the bot in local mode on http://localhost:3978 with SQLite (data/microlearnbot.db) and the courses
# in content/, then the Microsoft 365 Agents Playground connected to it as a Teams client. The Playground
# serves http://localhost:56150 (another port if that one is busy; it prints the address) and opens it in
# a browser unless TEAMSAPPTESTER_BROWSER=none is set.
# With --playground-only it starts only the Playground, for a bot that already runs on port 3978 (for
# example one started with `dotnet run --project bot/MicroLearnBot` or in a debugger).
# Ctrl+C, SIGINT or SIGTERM stops everything the script started, and so does the Playground exiting.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
e2e_dir="$repo/tests/e2e"
bot_url="http://localhost:3978"

fail() {
  echo "run-local: $*" >&2
  exit 1
}

playground_only=false
case "${1:-}" in
  "") ;;
  --playground-only) playground_only=true ;;
  -h | --help)
    echo "Usage: scripts/run-local.sh [--playground-only]"
    echo "Starts the bot on $bot_url and the Microsoft 365 Agents Playground against it."
    echo "  --playground-only  start only the Playground, for a bot that already runs on $bot_url"
    exit 0
    ;;
  *) fail "unknown option '$1'. Run scripts/run-local.sh --help for the options." ;;
esac

command -v dotnet >/dev/null || [[ "$playground_only" == true ]] || fail "dotnet not found. Install the .NET 10 SDK."
command -v node >/dev/null || fail "node not found. Install Node.js 20 or later (Debian package nodejs, with npm)."
command -v npm >/dev/null || fail "npm not found. Install the Debian package npm."
command -v curl >/dev/null || fail "curl not found. Install the Debian package curl."

if [[ "$playground_only" == true ]]; then
  curl --silent --fail --output /dev/null "$bot_url/healthz" \
    || fail "no bot responds on $bot_url/healthz. Start it first, for example with dotnet run --project bot/MicroLearnBot."
elif curl --silent --output /dev/null "$bot_url/healthz"; then
  fail "something already responds on $bot_url. Stop it first, because the Playground would talk to it instead."
fi

if [[ ! -x "$e2e_dir/node_modules/.bin/agentsplayground" ]]; then
  (cd "$e2e_dir" && npm ci --no-audit --no-fund)
fi

mkdir -p "$repo/data"
bot_pid=""
playground_pid=""

# Both servers run in their own process groups (setsid). So the terminal's Ctrl+C reaches only this script,
# and one kill per group stops `dotnet run` with the bot it started, or node with its children.
stop_group() {
  local pid="$1" name="$2"
  [[ -n "$pid" ]] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  wait "$pid" 2>/dev/null || true

  # The group leader has exited, and the rest of the group gets up to 10 s to follow.
  for _ in $(seq 1 100); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -KILL -- "-$pid" 2>/dev/null; then
    echo "Killed the $name, which did not stop within 10 s after SIGTERM."
  else
    echo "Stopped the $name."
  fi
}

stop_all() {
  local status=$?
  # A second Ctrl+C must not cut the shutdown short and leave a server running.
  trap '' INT TERM
  stop_group "$playground_pid" "Agents Playground"
  stop_group "$bot_pid" "bot"
  exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ "$playground_only" == false ]]; then
  echo "Building the bot"
  dotnet build "$repo/bot/MicroLearnBot" --nologo --verbosity quiet

  echo "Starting the bot on $bot_url (log: data/bot.log)"
  setsid dotnet run --no-build --project "$repo/bot/MicroLearnBot" -- \
    --urls "$bot_url" \
    --Storage:Provider=Sqlite \
    "--ConnectionStrings:MicroLearn=Data Source=$repo/data/microlearnbot.db" \
    "--Content:Path=$repo/content" \
    >"$repo/data/bot.log" 2>&1 &
  bot_pid=$!

  for _ in $(seq 1 120); do
    curl --silent --fail --output /dev/null "$bot_url/healthz" && break
    kill -0 "$bot_pid" 2>/dev/null || { tail -n 40 "$repo/data/bot.log" >&2; fail "the bot exited during start-up (end of data/bot.log above)."; }
    sleep 0.5
  done
  curl --silent --fail --output /dev/null "$bot_url/healthz" || fail "GET $bot_url/healthz did not return 200 within 60 s. See data/bot.log."
  echo "Bot ready."
fi

# --disable-telemetry alone leaves the Application Insights "statsbeat" usage counts of Playground 0.2.28
# on. They probe 169.254.169.254 and an applicationinsights.azure.com host, and the variable turns them off.
# The Playground runs in the background because bash runs a trap only after a foreground child exits, so
# a SIGTERM sent to this script alone would otherwise wait until the Playground quits by itself.
echo "Starting the Agents Playground against $bot_url/api/messages; press Ctrl+C to stop."
APPLICATION_INSIGHTS_NO_STATSBEAT=true \
M365_AGENTS_PLAYGROUND_LOGFILE="$repo/data/agentsplayground.log" \
  setsid "$e2e_dir/node_modules/.bin/agentsplayground" \
    -e "$bot_url/api/messages" \
    -c msteams \
    --disable-telemetry &
playground_pid=$!

# wait returns when the Playground exits or as soon as a trapped signal arrives.
wait "$playground_pid"
