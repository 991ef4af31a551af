#!/usr/bin/env bash
# The reliability suite (docs/RELIABILITY.md): the tests with the trait Category=Reliability, plus the crash, lease and
# Functions-host scenarios they build on, through tests/run.sh (which starts Azurite). The short mode runs inside
# `bash tests/run.sh` as well; `--full` sets MONITOR_RELIABILITY=full for the long runs.
#   bash tests/reliability.sh           short mode
#   bash tests/reliability.sh --full    full mode
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "${1:-}" = "--full" ]; then export MONITOR_RELIABILITY=full; shift; fi
exec bash "$root/tests/run.sh" --filter "Category=Reliability|FullyQualifiedName~CrashedPollTests|FullyQualifiedName~FeedLeaseTests|FullyQualifiedName~FunctionsHostEndToEndTests|FullyQualifiedName~StorageFailureApiTests|FullyQualifiedName~QueryLimits|FullyQualifiedName~EmbeddedIPv4" "$@"
