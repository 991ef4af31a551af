#!/usr/bin/env bash
# The pipeline benchmark of docs/BENCHMARKS.md in one command: builds the harness (Release), starts an in-memory
# Azurite on free loopback ports (as tests/run.sh does), runs `Monitor.Benchmarks pipeline` against the folder store
# and Azurite, and stops Azurite. Extra arguments go to the harness, e.g. `--short`, `--items 5000`, `--scale-feeds 1000`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

npm ci --prefix tests/azurite --no-audit --no-fund --loglevel=error >/dev/null
dotnet build -c Release tests/Monitor.Benchmarks --nologo -v q >/dev/null

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
azurite_dir=$(mktemp -d)
(cd "$azurite_dir" && exec "$root/tests/azurite/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port") >"$azurite_dir/azurite.log" 2>&1 &
azurite_pid=$!
cleanup() {
  kill "$azurite_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$azurite_pid" 2>/dev/null || true
  wait "$azurite_pid" 2>/dev/null || true
  rm -rf "$azurite_dir"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  node -e 'require("net").connect('"$blob_port"',"127.0.0.1").on("connect",()=>process.exit(0)).on("error",()=>process.exit(1))' 2>/dev/null && break
  sleep 0.2
done

key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;"
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with local changes)'), $(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
dotnet tests/Monitor.Benchmarks/bin/Release/net10.0/Monitor.Benchmarks.dll pipeline --azurite "$storage" "$@"
