#!/usr/bin/env bash
# Builds the Teams app package (a zip with the manifest, its English strings and the icons) for upload in
# Teams admin center or Developer Portal. Usage: deploy/teams/package.sh <bot-app-id> [output.zip]
set -euo pipefail

bot_app_id="${1:?Usage: deploy/teams/package.sh <bot-app-id> [output.zip] (the Microsoft App ID of your Azure Bot)}"
output="${2:-microlearnbot-teams.zip}"
if [[ ! "$bot_app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "The bot app id must be a GUID, for example 1b2c3d4e-0000-4000-8000-123456789abc; got '$bot_app_id'." >&2
  exit 1
fi

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sed "s/00000000-0000-0000-0000-000000000000/$bot_app_id/" "$here/manifest.json" > "$work/manifest.json"
cp "$here/en-us.json" "$here/color.png" "$here/outline.png" "$work/"
output_path="$(cd "$(dirname "$output")" && pwd)/$(basename "$output")"
(cd "$work" && python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); [z.write(f) for f in sys.argv[2:]]; z.close()' "$output_path" manifest.json en-us.json color.png outline.png)
echo "Wrote $output_path"
