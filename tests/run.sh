#!/usr/bin/env bash
# The one test command (README "Quick start"): installs and starts what the tests need, runs every
# test in Monitor.sln, stops what it started, and prints "N passed, N failed" as its last line.
#
# Needs only the .NET 10 SDK and Node.js. Azurite (the Azure Storage emulator) comes from npm, pinned by
# tests/azurite/package-lock.json; the Bicep CLI comes from NuGet through tests/Monitor.Infra.Tests.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

echo "==> Installing Azurite (npm ci, pinned in tests/azurite/package-lock.json)"
npm ci --prefix tests/azurite --no-audit --no-fund --loglevel=error

echo "==> Installing Redocly CLI for the OpenAPI lint test (npm ci, pinned in tests/openapi-lint/package-lock.json)"
# Optional: where npm cannot install it, OpenApiLintTests skips and says why.
npm ci --prefix tests/openapi-lint --no-audit --no-fund --loglevel=error || echo "    (not installed: the OpenAPI lint test will be skipped)"

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
azurite_dir=$(mktemp -d)
log="$azurite_dir/azurite.log"

echo "==> Starting Azurite on 127.0.0.1 (blob $blob_port, queue $queue_port)"
# --skipApiVersionCheck: Azurite 3.37 rejects the API version that Azure.Storage.Blobs 12.30 sends.
# In memory, so nothing outlives the run; it runs from a temp folder because it may write files to its working directory.
(cd "$azurite_dir" && exec "$root/tests/azurite/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port") >"$log" 2>&1 &
azurite_pid=$!
# Azurite can take most of a minute to shut down gracefully; it keeps nothing (in memory), so after ten seconds it is killed.
cleanup() {
  kill "$azurite_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$azurite_pid" 2>/dev/null || true
  wait "$azurite_pid" 2>/dev/null || true
  rm -rf "$azurite_dir"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  if node -e 'require("net").connect('"$queue_port"',"127.0.0.1").on("connect",()=>process.exit(0)).on("error",()=>process.exit(1))' 2>/dev/null \
     && node -e 'require("net").connect('"$blob_port"',"127.0.0.1").on("connect",()=>process.exit(0)).on("error",()=>process.exit(1))' 2>/dev/null; then
    ready=1; break
  fi
  kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite exited:"; cat "$log"; exit 1; }
  node -e 'setTimeout(()=>{},100)'
done
[ "${ready:-}" = 1 ] || { echo "Azurite did not start listening:"; cat "$log"; exit 1; }

key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export MONITOR_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"

# The browser tests (tests/Monitor.Browser.Tests) drive Debian's Chromium through Playwright; they skip, saying why,
# where there is none. As root, install it (and a Japanese font, so screenshots show the Japanese headlines).
if [ -n "${MONITOR_CHROMIUM:-}" ] && [ ! -x "$MONITOR_CHROMIUM" ]; then
  echo "==> MONITOR_CHROMIUM=$MONITOR_CHROMIUM is not an executable: the browser tests will be skipped"
elif [ -z "${MONITOR_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing Chromium for the browser tests (apt-get install chromium fonts-ipafont-gothic)"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-ipafont-gothic; } >"$azurite_dir/apt.log" 2>&1 \
      || { echo "    Chromium could not be installed (see below); the browser tests will be skipped."; tail -5 "$azurite_dir/apt.log"; }
  else
    echo "==> No chromium and not root: the browser tests will be skipped (install Debian's chromium package to run them)"
  fi
fi

echo "==> dotnet test Monitor.sln"
out="$azurite_dir/test-output.txt"
set +e
dotnet test Monitor.sln --nologo --logger trx --results-directory "$azurite_dir/trx" "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e

# The console logger names skipped tests but not why: print each skip's reason from the TRX reports.
node -e '
const fs = require("fs"), path = require("path"), dir = process.argv[1];
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => f.endsWith(".trx")) : [];
const text = s => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&apos;/g, "\x27").replace(/&amp;/g, "&");
for (const f of files)
  for (const chunk of fs.readFileSync(path.join(dir, f), "utf8").split("<UnitTestResult ").slice(1)) {
    if (!/outcome="NotExecuted"/.test(chunk.split(">")[0])) continue;
    const name = (chunk.match(/testName="([^"]*)"/) || [])[1], why = (chunk.match(/<Message>([\s\S]*?)<\/Message>/) || [])[1];
    console.log("skipped: " + text(name || "?") + " -- " + text(why || "no reason given"));
  }' "$azurite_dir/trx" || true

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 42, Skipped: 0, Total: 42").
passed=$(grep -Eo 'Passed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
screenshots="$root/tests/Monitor.Browser.Tests/bin/Debug/net10.0/screenshots"
[ -d "$screenshots" ] && echo "console screenshots (test artefacts): $screenshots"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
