#!/usr/bin/env bash
# Test command: starts a throwaway PostgreSQL and RabbitMQ (installing them
# from Debian packages if missing), runs `dotnet test Gateway.sln` against
# them, stops everything again and prints "N passed, N failed, N skipped".
#
#   ./test.sh                      # whole solution
#   ./test.sh --filter Category=X  # extra args go to `dotnet test`
#
# Tests read GATEWAY_TEST_POSTGRES (Npgsql connection string) and
# GATEWAY_TEST_RABBITMQ (amqp:// URI). See scripts/test-services.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# shellcheck source=scripts/test-services.sh
. scripts/test-services.sh

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Don't leave idle MSBuild worker nodes running after the script.
export MSBUILDDISABLENODEREUSE=1

command -v dotnet >/dev/null 2>&1 || svc_die "dotnet SDK not found on PATH"

t_start=$(svc_now)
svc_start_all
svc_log "services up in $(svc_elapsed "$t_start")"

# Sum the per-project result lines of `dotnet test` output ($1) and print
# "passed failed skipped". Understands the three VSTest formats:
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ...
#   Total tests: 12 /      Passed: 12 /      Failed: 0 /     Skipped: 0   (console;verbosity=normal)
#   Test summary: total: 12, failed: 0, succeeded: 12, skipped: 0, ...    (terminal logger)
count_results() {
    sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\r$//' "$1" | awk '
        function num(s, key,    i, t) {
            i = index(s, key)
            if (i == 0) return 0
            t = substr(s, i + length(key))
            sub(/^[ \t]+/, "", t)
            if (match(t, /^[0-9]+/)) return substr(t, 1, RLENGTH) + 0
            return 0
        }
        /(Passed|Failed)![ \t]+-[ \t]+Failed:[ \t]*[0-9]+,[ \t]*Passed:[ \t]*[0-9]+,[ \t]*Skipped:[ \t]*[0-9]+,[ \t]*Total:/ {
            one = 1; op += num($0, "Passed:"); of += num($0, "- Failed:"); os += num($0, "Skipped:"); next
        }
        /^[ \t]*Total tests:[ \t]*[0-9]+[ \t]*$/ { blk = 1; next }
        /^[ \t]+Passed:[ \t]*[0-9]+[ \t]*$/  { bp += num($0, "Passed:"); next }
        /^[ \t]+Failed:[ \t]*[0-9]+[ \t]*$/  { bf += num($0, "Failed:"); next }
        /^[ \t]+Skipped:[ \t]*[0-9]+[ \t]*$/ { bs += num($0, "Skipped:"); next }
        /^Test summary: total: [0-9]+, failed: [0-9]+, succeeded: [0-9]+, skipped: [0-9]+/ {
            ts = 1; tp += num($0, "succeeded:"); tf += num($0, "failed:"); tsk += num($0, "skipped:"); next
        }
        END {
            if (one)      print op + 0, of + 0, os + 0
            else if (blk) print bp + 0, bf + 0, bs + 0
            else if (ts)  print tp + 0, tf + 0, tsk + 0
            else          print 0, 0, 0
        }'
}

# The generic SOAP client the project-approval tests drive (npm `soap`, pinned in its package.json).
if [ -f tests/soap-client/package.json ]; then
    command -v npm >/dev/null 2>&1 || svc_die "npm not found on PATH (needed for tests/soap-client)"
    svc_log "installing tests/soap-client (npm)"
    (cd tests/soap-client && npm install --no-audit --no-fund --loglevel=error) || svc_die "npm install in tests/soap-client failed"
fi

# The standard OpenAPI validator and linter the API-description tests run (npm @apidevtools/swagger-parser and @redocly/cli, pinned in its package.json).
if [ -f tests/openapi-validator/package.json ]; then
    command -v npm >/dev/null 2>&1 || svc_die "npm not found on PATH (needed for tests/openapi-validator)"
    svc_log "installing tests/openapi-validator (npm)"
    (cd tests/openapi-validator && npm install --no-audit --no-fund --loglevel=error) || svc_die "npm install in tests/openapi-validator failed"
fi

# The client generator the generated-client test runs (Kiota, a dotnet tool pinned in dotnet-tools.json).
svc_log "restoring dotnet tools (dotnet-tools.json)"
dotnet tool restore >/dev/null || svc_die "dotnet tool restore failed"

test_log="$SVC_TMP/dotnet-test.log"
# The failure tests (crash, broker cluster, PostgreSQL restart, slow counterpart) write their figures here; printed below.
export GATEWAY_TEST_REPORT="$SVC_TMP/failure-figures.log"
: >"$GATEWAY_TEST_REPORT"
svc_log "running: dotnet test Gateway.sln${*:+ $*}"
t_tests=$(svc_now)
# In the background + `wait`, so that a SIGTERM/SIGINT to this script is
# handled at once (bash defers traps while a foreground command runs); the
# EXIT trap then kills the test run and stops the services.
# scripts/test-at.sh moves the clock of the test processes (never of the services) with libfaketime.
test_env=()
if [ -n "${GATEWAY_TEST_AT_EPOCH:-}" ]; then
    offset=$(( GATEWAY_TEST_AT_EPOCH - $(date +%s) ))
    # FAKETIME_FORCE_MONOTONIC_FIX=0: libfaketime's rewrite of pthread_cond_timedwait otherwise breaks .NET's
    # monotonic waits (vstest reports "failed to connect to testhost after 90 seconds" within 10 s).
    test_env=(env "LD_PRELOAD=$GATEWAY_TEST_FAKETIME_LIB" "FAKETIME=+${offset}s" FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0)
    svc_log "test clock moved by ${offset}s to $(TZ=Asia/Shanghai date -d "@$GATEWAY_TEST_AT_EPOCH" '+%Y-%m-%d %H:%M:%S %z') (libfaketime)"
fi
# The tests' own temporary files (stores and logs of the hosts they start) go under the throwaway directory too, removed with it.
tests_tmp="$SVC_TMP/test-tmp"
mkdir -p "$tests_tmp"
("${test_env[@]}" env TMPDIR="$tests_tmp" dotnet test Gateway.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$test_log") &
test_pid=$!
SVC_CHILD_PIDS+=("$test_pid")
rc=0
wait "$test_pid" || rc=$?
SVC_CHILD_PIDS=()
svc_log "dotnet test exited with $rc after $(svc_elapsed "$t_tests")"

read -r passed failed skipped < <(count_results "$test_log")
if [ -s "$GATEWAY_TEST_REPORT" ]; then
    svc_log "figures of the failure tests:"
    cat "$GATEWAY_TEST_REPORT"
fi

svc_stop_all
if [ "$failed" -gt 0 ]; then
    # Last, so that a log cut to its tail (CI) still names what failed and why: each failure's name and first lines.
    svc_log "failed tests (first lines of each; the whole output is above):"
    sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$test_log" | awk '
        /^  Failed / { n = 14; print; next }
        n > 0 && /^  (Passed|Failed|Skipped) / { n = 0 }
        n > 0 { print substr($0, 1, 400); n-- }' | head -n 90
fi
if [ "${CI:-}" = true ]; then
    # CI: leave no compiler/build servers behind either.
    dotnet build-server shutdown >/dev/null 2>&1 || true
fi

if [ $((passed + failed)) -eq 0 ]; then
    svc_log "no tests ran"
    [ "$rc" -ne 0 ] || rc=1
elif [ "$failed" -gt 0 ] && [ "$rc" -eq 0 ]; then
    rc=1
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
