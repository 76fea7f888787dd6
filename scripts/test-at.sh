#!/usr/bin/env bash
# Runs the whole test suite (./test.sh) with the clock of the test processes moved to another instant, so
# date-dependent code is exercised on any date: year ends, days past the last calendar file, day boundaries.
#
#   scripts/test-at.sh 2026-12-28T10:00:00+08:00                 # whole suite at that instant
#   scripts/test-at.sh 2027-02-10T09:00:00+08:00 --filter X      # extra args go to `dotnet test`
#
# How: libfaketime (Debian package `faketime`, installed if missing) is preloaded into `dotnet test` and
# everything it starts (test hosts, gateway processes, the npm SOAP client) with a *relative* offset
# (FAKETIME="+Ns", computed by test.sh), so every process agrees on the moved clock, however late it starts — signatures between
# them stay inside their clock window — and time keeps running from the chosen instant. Monotonic clocks are
# left real (FAKETIME_DONT_FAKE_MONOTONIC=1): timers, timeouts and Stopwatch behave normally.
#
# What keeps the real clock: the build (restore and incremental-build timestamps need the real date) and the
# services (PostgreSQL, RabbitMQ). The gateway never asks either for the time — every instant it stores comes
# from its own TimeProvider — and Erlang's and PostgreSQL's timers, log rotation and TLS checks are nothing this
# test needs to move; preloading libfaketime into them only risks disturbing them.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ $# -lt 1 ]; then
    echo "usage: scripts/test-at.sh <instant, e.g. 2026-12-28T10:00:00+08:00> [dotnet test args]" >&2
    exit 2
fi
target="$1"
shift

lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [ ! -f "$lib" ]; then
    echo "==> installing faketime (Debian package)"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo -n"
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q faketime >/dev/null ||
        { $sudo_cmd apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q faketime >/dev/null; }
fi
# The multi-threaded build (libfaketimeMT): .NET starts many threads at once, and a gateway process under the plain
# build sometimes hung before printing anything (seen twice in a two-instance test).
lib=$(dpkg -L libfaketime 2>/dev/null | grep '/libfaketimeMT\.so\.1$' | head -n1)
[ -n "$lib" ] && [ -f "$lib" ] || { echo "==> ERROR: libfaketimeMT.so.1 not found after installing faketime" >&2; exit 1; }

target_epoch=$(date -d "$target" +%s) || { echo "==> ERROR: cannot read '$target' as an instant" >&2; exit 2; }

echo "==> building with the real clock"
dotnet build Gateway.sln -nologo -clp:ErrorsOnly

# ./test.sh turns the instant into an offset just before it launches `dotnet test` (after starting the services),
# so the suite itself starts at (about) the requested instant.
echo "==> running the suite at $(TZ=Asia/Shanghai date -d "@$target_epoch" '+%Y-%m-%d %H:%M:%S %z') (Beijing)"
export GATEWAY_TEST_FAKETIME_LIB="$lib"
export GATEWAY_TEST_AT_EPOCH="$target_epoch"
exec ./test.sh --no-build "$@"
