#!/usr/bin/env bash
# Runs the end-to-end test: builds the bot, starts it on a free loopback port with a new SQLite file and the
# courses in content/, starts the Microsoft 365 Agents Playground against it, and drives the Playground in
# headless Chromium (tests/e2e/playground.test.mjs). Exits non-zero when a step fails.
# Screenshots, the chat transcript and both server logs go to artifacts/e2e/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
e2e_dir="$repo/tests/e2e"
artifacts="$repo/artifacts/e2e"
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"

fail() {
  echo "e2e-playground: $*" >&2
  exit 1
}

command -v node >/dev/null || fail "node not found. Install Node.js 20 or later (Debian package nodejs, with npm)."
command -v npm >/dev/null || fail "npm not found. Install the Debian package npm."
command -v dotnet >/dev/null || fail "dotnet not found. Install the .NET 10 SDK."
command -v curl >/dev/null || fail "curl not found. Install the Debian package curl."
[[ -x "$chromium_path" ]] || fail "Chromium not found at $chromium_path. Install the Debian package chromium (apt-get install chromium) or set CHROMIUM_PATH."

course_id="$(find "$repo/content/courses" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | LC_ALL=C sort | head -n 1)"
[[ -n "$course_id" ]] || fail "no course folder under $repo/content/courses; the test starts the first one."

# npm ci again whenever package-lock.json is newer than the installed tree.
if [[ ! -f "$e2e_dir/node_modules/.package-lock.json" || "$e2e_dir/package-lock.json" -nt "$e2e_dir/node_modules/.package-lock.json" ]]; then
  (cd "$e2e_dir" && npm ci --no-audit --no-fund)
fi

rm -rf "$artifacts"
work="$(mktemp -d "${TMPDIR:-/tmp}/microlearnbot-e2e.XXXXXX")"
bot_pid=""
playground_pid=""

stop_all() {
  local status=$?
  # Both servers run in their own process groups (setsid), so one kill stops dotnet run and its child too.
  [[ -n "$playground_pid" ]] && kill -- "-$playground_pid" 2>/dev/null || true
  [[ -n "$bot_pid" ]] && kill -- "-$bot_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  mkdir -p "$artifacts"
  cp "$work"/*.log "$artifacts/" 2>/dev/null || true
  rm -rf "$work"
  exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

echo "Building the bot"
dotnet build "$repo/bot/MicroLearnBot" --nologo --verbosity quiet

bot_port="$(free_port)"
echo "Starting the bot on http://127.0.0.1:$bot_port with $work/bot.db"
setsid dotnet run --no-build --project "$repo/bot/MicroLearnBot" -- \
  --urls "http://127.0.0.1:$bot_port" \
  --Storage:Provider=Sqlite \
  "--ConnectionStrings:MicroLearn=Data Source=$work/bot.db" \
  "--Content:Path=$repo/content" \
  --MicrosoftAppId= \
  >"$work/bot.log" 2>&1 &
bot_pid=$!

for _ in $(seq 1 120); do
  if curl --silent --fail --output /dev/null "http://127.0.0.1:$bot_port/healthz"; then
    break
  fi
  kill -0 "$bot_pid" 2>/dev/null || { cat "$work/bot.log" >&2; fail "the bot exited during start-up (log above)."; }
  sleep 0.5
done
curl --silent --fail --output /dev/null "http://127.0.0.1:$bot_port/healthz" || fail "GET /healthz did not return 200 within 60 s (log in $artifacts/bot.log)."

# The Playground (0.2.28, see --help) takes a random port when the requested one is busy, so the real
# one is read from its "Listening on <port>" line. TEAMSAPPTESTER_BROWSER=none keeps it from opening
# a desktop browser. Even with --disable-telemetry, its bundled Application Insights SDK probes the Azure
# instance metadata address 169.254.169.254 and looks up an applicationinsights.azure.com host for
# "statsbeat" usage counts. APPLICATION_INSIGHTS_NO_STATSBEAT=true turns that off (checked with strace).
playground_port="$(free_port)"
echo "Starting the Agents Playground against the bot"
(
  cd "$work"
  TEAMSAPPTESTER_BROWSER=none \
  APPLICATION_INSIGHTS_NO_STATSBEAT=true \
  M365_AGENTS_PLAYGROUND_LOGFILE="$work/playground-internal.log" \
    exec setsid "$e2e_dir/node_modules/.bin/agentsplayground" \
      --app-endpoint "http://127.0.0.1:$bot_port/api/messages" \
      --channel-id msteams \
      --port "$playground_port" \
      --disable-telemetry
) >"$work/playground.log" 2>&1 &
playground_pid=$!

listening=""
for _ in $(seq 1 60); do
  listening="$(sed -n 's/^Listening on \([0-9]\+\)$/\1/p' "$work/playground.log" | head -n 1)"
  [[ -n "$listening" ]] && break
  kill -0 "$playground_pid" 2>/dev/null || { cat "$work/playground.log" >&2; fail "the Agents Playground exited during start-up (log above)."; }
  sleep 0.5
done
[[ -n "$listening" ]] || fail "the Agents Playground did not report its port within 30 s (log in $artifacts/playground.log)."

echo "Running the test against http://localhost:$listening"
PLAYGROUND_URL="http://localhost:$listening" \
COURSE_ID="$course_id" \
ARTIFACTS_DIR="$artifacts" \
CHROMIUM_PATH="$chromium_path" \
  node "$e2e_dir/playground.test.mjs"
