#!/usr/bin/env bash
# Starts the bot in local mode on http://localhost:3978 with SQLite (data/microlearnbot.db) and the courses
# in content/, then the Microsoft 365 Agents Playground connected to it as a Teams client. The Playground
# serves http://localhost:56150 (another port if that one is busy; it prints the address) and opens it in
# a browser unless TEAMSAPPTESTER_BROWSER=none is set.
# Stops the bot when the Playground exits or on Ctrl+C.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
e2e_dir="$repo/tests/e2e"
bot_url="http://localhost:3978"

fail() {
  echo "run-local: $*" >&2
  exit 1
}

command -v dotnet >/dev/null || fail "dotnet not found. Install the .NET 10 SDK."
command -v node >/dev/null || fail "node not found. Install Node.js 20 or later (Debian package nodejs, with npm)."
command -v npm >/dev/null || fail "npm not found. Install the Debian package npm."
command -v curl >/dev/null || fail "curl not found. Install the Debian package curl."

if curl --silent --output /dev/null "$bot_url/healthz"; then
  fail "something already responds on $bot_url. Stop it first, because the Playground would talk to it instead."
fi

if [[ ! -x "$e2e_dir/node_modules/.bin/agentsplayground" ]]; then
  (cd "$e2e_dir" && npm ci --no-audit --no-fund)
fi

mkdir -p "$repo/data"
bot_pid=""

stop_bot() {
  # The bot runs in its own process group (setsid), so one kill stops dotnet run and the bot it started.
  if [[ -n "$bot_pid" ]]; then
    kill -- "-$bot_pid" 2>/dev/null || true
    wait "$bot_pid" 2>/dev/null || true
    echo "Stopped the bot."
  fi
}
trap stop_bot EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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

# --disable-telemetry alone leaves the Application Insights "statsbeat" usage counts of Playground 0.2.28
# on. They probe 169.254.169.254 and an applicationinsights.azure.com host, and the variable turns them off.
echo "Bot ready. Starting the Agents Playground; press Ctrl+C to stop both."
APPLICATION_INSIGHTS_NO_STATSBEAT=true \
M365_AGENTS_PLAYGROUND_LOGFILE="$repo/data/agentsplayground.log" \
  "$e2e_dir/node_modules/.bin/agentsplayground" \
    -e "$bot_url/api/messages" \
    -c msteams \
    --disable-telemetry
