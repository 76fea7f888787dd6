#!/usr/bin/env bash
# End-to-end benchmark (issue 9): the gateway as its own process against fake ERPs on 127.0.0.1, loaded by
# bench/Gateway.Bench, with the transport baselines (plain MassTransit, raw RabbitMQ.Client) in the same run.
#
#   ./bench.sh [embedded|prod|both] --seconds N [--rate R | --concurrency C] [--count N] [--warmup-seconds N] [--label L]
#              [--gateway-arg --Key=value]... [--gateway DLL --config DIR]   (another build, e.g. before a change)
#              [--prefill N]   (prod: N finished cases written into the store before the run, e.g. 200000)
#              [--no-baseline] (skip the transport baselines)
#
# Writes bench/results/<date>-<profile>.json and prints a Markdown table. The prod profile runs inside
# scripts/test-services.sh (throwaway PostgreSQL + RabbitMQ on loopback, or the ones named by
# GATEWAY_TEST_POSTGRES / GATEWAY_TEST_RABBITMQ when those are already set).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

profile="${1:-both}"
case "$profile" in
    embedded|prod|both) shift || true ;;
    -*) profile=both ;;
    *) echo "usage: ./bench.sh [embedded|prod|both] --seconds N [--rate R | --concurrency C] [--count N]" >&2; exit 2 ;;
esac

echo "==> building Host and bench (Release)"
build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
for project in Host/Host.csproj bench/Gateway.Bench/Gateway.Bench.csproj; do
    dotnet build -c Release "$project" -v q -nologo >"$build_log" 2>&1 || { cat "$build_log"; echo "==> build of $project failed" >&2; exit 1; }
done

# The bench needs one broker, not the three-node cluster the failure tests use.
export GATEWAY_TEST_RABBITMQ_CLUSTER="${GATEWAY_TEST_RABBITMQ_CLUSTER:-not-used}"
run=(dotnet bench/Gateway.Bench/bin/Release/net10.0/Gateway.Bench.dll "$profile" "$@")
if [ "$profile" = embedded ]; then
    "${run[@]}"
else
    scripts/test-services.sh "${run[@]}"
fi
