#!/usr/bin/env bash
# Throwaway PostgreSQL + RabbitMQ for the test suite.
#
# Sourced by ../test.sh (which runs `dotnet test`), or run directly:
#
#   scripts/test-services.sh                 # start both, run a self-check, stop
#   scripts/test-services.sh CMD [ARGS...]   # start both, run CMD with the env below, stop
#
# Exports for the tests:
#   GATEWAY_TEST_POSTGRES  Npgsql connection string (database gateway_test, user gateway)
#   GATEWAY_TEST_RABBITMQ  amqp://guest:guest@127.0.0.1:PORT/
#   GATEWAY_TEST_POSTGRES_CTL  a generated script running pg_ctl against the test
#                          cluster as its owner: `"$GATEWAY_TEST_POSTGRES_CTL" restart`
#                          is `pg_ctl restart -m fast` (waits until it is back).
#   GATEWAY_TEST_RABBITMQ_CLUSTER[_NODES|_CTL]  a 3-node cluster, see
#                          scripts/test-rabbitmq-cluster.sh.
#   GATEWAY_TEST_RABBITMQ_CTL  path of a generated script that runs rabbitmqctl
#                          against this test node only (its node name, cookie,
#                          ports): `"$GATEWAY_TEST_RABBITMQ_CTL" stop_app` takes
#                          the broker down (AMQP port closed, queues kept),
#                          `... start_app` brings it back; any other rabbitmqctl
#                          command works too. Tests use it to stop the broker
#                          mid-run. Only set when this script starts RabbitMQ.
#
# Both services live in one temp dir, listen on 127.0.0.1 only, on non-default
# ports (first free port at/after GATEWAY_TEST_PG_PORT=25432 and
# GATEWAY_TEST_RABBIT_PORT=26720), and are stopped + deleted on exit.
# Both lie below Linux's ephemeral range (32768-60999): tests stop and restart
# the broker and the database, and while a port is closed any outgoing
# connection (the gateway reconnecting to it, even) may take it as its local
# port, so the restart fails with EADDRINUSE. A port outside that range is
# never handed out that way.
# RabbitMQ gets its own epmd on a private port, so nothing is left behind and a
# system RabbitMQ/epmd (if any) is never touched.
# Missing packages (postgresql, rabbitmq-server) are installed from Debian with
# apt-get; a temporary policy-rc.d keeps the packages' default services from
# starting.
#
# If GATEWAY_TEST_POSTGRES / GATEWAY_TEST_RABBITMQ are already set, that
# service is treated as external and not started.
# Other knobs: PG_BIN (PostgreSQL bin dir), RABBITMQ_SBIN (dir holding the
# real rabbitmq-server/rabbitmqctl scripts), GATEWAY_TEST_START_TIMEOUT
# (RabbitMQ boot limit, seconds, default 90), GATEWAY_TEST_KEEP_TMP=1 (keep
# the temp dir with data and logs).

# ---------------------------------------------------------------- helpers

svc_log() { printf '==> %s\n' "$*"; }
svc_warn() { printf '==> WARNING: %s\n' "$*" >&2; }
svc_die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

svc_now() { date +%s.%N; }
svc_elapsed() { awk -v a="$1" -v b="$(svc_now)" 'BEGIN { printf "%.1fs", b - a }'; }

# Print the tail of a log file, indented, to stderr.
svc_tail() {
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        printf -- '---- last lines of %s ----\n' "$f" >&2
        tail -n 60 "$f" | sed 's/^/    /' >&2
        printf -- '----\n' >&2
    done
}

# True if a TCP socket with local port $1 is listening or connected.
# A port given in GATEWAY_TEST_*_PORT may lie in Linux's ephemeral range, where
# an unrelated outgoing connection can hold it for a while; a plain LISTEN check
# misses that. TIME_WAIT (06) is ignored: postgres, epmd, Erlang distribution
# and RabbitMQ's listener all bind with SO_REUSEADDR. A socket that is only
# bound is invisible here; the start functions retry on bind errors for that.
# Reads /proc: needs neither ss nor netstat.
svc_port_in_use() {
    local hex f
    hex=$(printf '%04X' "$1")
    for f in /proc/net/tcp /proc/net/tcp6; do
        [ -r "$f" ] || continue
        # columns: sl local_address rem_address st ...
        if awk -v p=":$hex" 'NR > 1 && $4 != "06" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' "$f"; then
            return 0
        fi
    done
    return 1
}

# First free port in [$1, $1+200), skipping any listed in the remaining args.
svc_free_port() {
    local p=$1 end=$(($1 + 200)) taken t
    shift
    while [ "$p" -lt "$end" ]; do
        taken=0
        for t in "$@"; do [ "$t" = "$p" ] && taken=1; done
        if [ "$taken" = 0 ] && ! svc_port_in_use "$p"; then
            echo "$p"
            return 0
        fi
        p=$((p + 1))
    done
    return 1
}

# True if pid $1 exists and is not a zombie (an exited child we did not reap).
svc_pid_alive() {
    [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
    local st
    st=$(sed -n 's/^.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || true
    [ "$st" != Z ]
}

# Wait up to $2 seconds for pid $1 to exit.
svc_wait_pid_gone() {
    local pid=$1 deadline=$((SECONDS + $2))
    while svc_pid_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    ! svc_pid_alive "$pid"
}

# All descendants of pid $1 (one pass over /proc/*/stat, no ps needed).
svc_descendants() {
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$1" '
        {
            pid = $1; rest = $0
            sub(/^.*\) /, "", rest)      # drop "pid (comm) ", comm may contain spaces
            split(rest, a, " "); kids[a[2]] = kids[a[2]] " " pid
        }
        END {
            n = 1; queue[1] = root
            for (i = 1; i <= n; i++) {
                c = split(kids[queue[i]], k, " ")
                for (j = 1; j <= c; j++) { print k[j]; queue[++n] = k[j] }
            }
        }'
    return 0
}

# Kill pid $1 and its descendants: TERM, wait, then KILL.
svc_kill_tree() {
    local root=$1 pids p
    svc_pid_alive "$root" || return 0
    pids="$root $(svc_descendants "$root" | tr '\n' ' ')"
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    local deadline=$((SECONDS + 5)) left
    while :; do
        left=""
        for p in $pids; do svc_pid_alive "$p" && left="$left $p"; done
        [ -z "$left" ] && return 0
        [ "$SECONDS" -ge "$deadline" ] && break
        sleep 0.2
    done
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
}

# Run a command as root (directly, or through sudo when not root).
svc_as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        svc_die "need root (or sudo) to run: $*"
    fi
}

# ---------------------------------------------------------------- install

SVC_PG_BIN=""
SVC_RMQ_SBIN=""
SVC_POLICY_RC_CREATED=0

svc_find_pg_bin() {
    local d
    if [ -n "${PG_BIN:-}" ]; then
        SVC_PG_BIN=$PG_BIN
    elif [ -x /usr/lib/postgresql/15/bin/initdb ]; then
        SVC_PG_BIN=/usr/lib/postgresql/15/bin
    else
        SVC_PG_BIN=""
        # shellcheck disable=SC2012
        for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n); do
            [ -x "$d/initdb" ] && SVC_PG_BIN=$d
        done
    fi
    [ -n "$SVC_PG_BIN" ] || return 1
    local b
    for b in initdb pg_ctl postgres psql pg_isready; do
        [ -x "$SVC_PG_BIN/$b" ] || return 1
    done
}

svc_find_rmq() {
    # The Debian /usr/sbin/rabbitmq-* wrappers `su rabbitmq` when run as root;
    # the real scripts live here and run as whoever calls them.
    local d
    for d in ${RABBITMQ_SBIN:-} /usr/lib/rabbitmq/bin /usr/lib/rabbitmq/sbin; do
        if [ -x "$d/rabbitmq-server" ] && [ -x "$d/rabbitmqctl" ]; then
            SVC_RMQ_SBIN=$d
            break
        fi
    done
    [ -n "$SVC_RMQ_SBIN" ] && command -v erl >/dev/null 2>&1 && svc_find_epmd >/dev/null
}

svc_find_epmd() {
    local e
    for e in "$(command -v epmd 2>/dev/null || true)" /usr/lib/erlang/bin/epmd /usr/lib/erlang/erts-*/bin/epmd; do
        if [ -n "$e" ] && [ -x "$e" ]; then
            echo "$e"
            return 0
        fi
    done
    return 1
}

svc_policy_rc_cleanup() {
    if [ "$SVC_POLICY_RC_CREATED" = 1 ]; then
        svc_as_root rm -f /usr/sbin/policy-rc.d || true
        SVC_POLICY_RC_CREATED=0
    fi
}

# Install postgresql / rabbitmq-server from Debian if they are missing.
svc_install() {
    local pkgs=() t0
    if [ "$SVC_WANT_PG" = 1 ] && ! svc_find_pg_bin; then pkgs+=(postgresql); fi
    if [ "$SVC_WANT_RMQ" = 1 ] && ! svc_find_rmq; then pkgs+=(rabbitmq-server); fi
    if [ "${#pkgs[@]}" = 0 ]; then
        [ "$SVC_WANT_PG" = 1 ] && svc_log "postgresql found: $SVC_PG_BIN"
        [ "$SVC_WANT_RMQ" = 1 ] && svc_log "rabbitmq-server found: $SVC_RMQ_SBIN"
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || svc_die "missing ${pkgs[*]} and no apt-get to install them"

    t0=$(svc_now)
    svc_log "installing ${pkgs[*]} (apt-get)"
    # Keep the packages' postinst from starting the default cluster/broker
    # (postgres on 5432, rabbitmq on 5672): invoke-rc.d/deb-systemd-invoke
    # honour policy-rc.d exit 101. Only add one if none exists; remove it after.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        svc_as_root sh -c 'printf "#!/bin/sh\n# temporary, created by gateway test.sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
        SVC_POLICY_RC_CREATED=1
    fi
    local apt_opts=(-y -q --no-install-recommends -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300)
    local log="${TMPDIR:-/tmp}/gwtest-apt.$$.log" ok=0 attempt
    for attempt in 1 2; do
        if svc_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q -o DPkg::Lock::Timeout=300 >"$log" 2>&1 &&
            svc_as_root env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${pkgs[@]}" >>"$log" 2>&1; then
            ok=1
            break
        fi
        svc_warn "apt-get failed (attempt $attempt)"
        sleep 3
    done
    svc_policy_rc_cleanup
    if [ "$ok" != 1 ]; then
        svc_tail "$log"
        rm -f "$log"
        svc_die "could not install ${pkgs[*]}"
    fi
    rm -f "$log"
    svc_log "installed ${pkgs[*]} in $(svc_elapsed "$t0")"

    if [ "$SVC_WANT_PG" = 1 ]; then svc_find_pg_bin || svc_die "postgresql installed but no binaries under /usr/lib/postgresql/*/bin"; fi
    if [ "$SVC_WANT_RMQ" = 1 ]; then svc_find_rmq || svc_die "rabbitmq-server installed but rabbitmq-server/rabbitmqctl/erl/epmd not found"; fi
}

# ---------------------------------------------------------------- state

SVC_TMP=""
SVC_PG_DATA=""
SVC_PG_LOG=""
SVC_PG_PORT=""
SVC_PG_STARTED=0
SVC_RMQ_PORT=""
SVC_RMQ_DIST_PORT=""
SVC_EPMD_PORT=""
SVC_RMQ_NODE=""
SVC_RMQ_PID=""
SVC_EPMD_PID=""
SVC_RMQ_ENV=()
SVC_WANT_PG=1
SVC_WANT_RMQ=1
# Background jobs of the caller (e.g. dotnet test) to kill first on cleanup.
SVC_CHILD_PIDS=()

# Run a command as the OS user that owns the PostgreSQL data dir.
svc_pg_run() {
    (
        cd "$SVC_TMP"
        if [ "$(id -u)" = 0 ]; then
            exec runuser -u postgres -- "$@"
        else
            exec "$@"
        fi
    )
}

# ---------------------------------------------------------------- postgres

# One initdb, then up to 3 start attempts: if the port got taken in the
# meantime (bind error), move on to the next free port.
svc_start_postgres() {
    local t0 locale_opt sock pgdir port attempt
    t0=$(svc_now)
    pgdir="$SVC_TMP/pg"
    sock="$pgdir/run"
    SVC_PG_DATA="$pgdir/data"
    SVC_PG_LOG="$pgdir/postgres.log"
    mkdir -p "$sock"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
        chown -R postgres: "$pgdir"
    fi

    svc_log "starting postgres ($SVC_PG_BIN)"
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale_opt=(--locale=C.UTF-8); else locale_opt=(--no-locale); fi
    if ! svc_pg_run "$SVC_PG_BIN/initdb" -D "$SVC_PG_DATA" -U postgres -E UTF8 "${locale_opt[@]}" \
        --auth-local=trust --auth-host=trust --no-sync >"$pgdir/initdb.log" 2>&1; then
        svc_tail "$pgdir/initdb.log"
        svc_die "initdb failed"
    fi
    # Throwaway instance: loopback only, private socket dir, no durability.
    # (The port is passed on the pg_ctl command line.)
    # shellcheck disable=SC2016
    svc_pg_run sh -c 'cat >> "$1/postgresql.conf"' sh "$SVC_PG_DATA" <<EOC

# ---- gateway test.sh ----
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
max_connections = 200
# the bench counts statements per case (./bench.sh prod)
shared_preload_libraries = 'pg_stat_statements'
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOC
    # shellcheck disable=SC2016
    svc_pg_run sh -c 'cat > "$1/pg_hba.conf"' sh "$SVC_PG_DATA" <<'EOC'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOC

    port=${GATEWAY_TEST_PG_PORT:-25432}
    for attempt in 1 2 3; do
        port=$(svc_free_port "$port") || svc_die "no free port for postgres near ${GATEWAY_TEST_PG_PORT:-25432}"
        SVC_PG_PORT=$port
        SVC_PG_STARTED=1
        if svc_pg_run "$SVC_PG_BIN/pg_ctl" -D "$SVC_PG_DATA" -l "$SVC_PG_LOG" -o "-p $port" -w -t 60 start >"$pgdir/pg_ctl.log" 2>&1; then
            break
        fi
        SVC_PG_STARTED=0
        if [ "$attempt" -lt 3 ] && grep -qE 'could not (bind|create listen)|[Aa]ddress already in use' "$SVC_PG_LOG" 2>/dev/null; then
            svc_warn "postgres: port $port is taken, trying another"
            : >"$SVC_PG_LOG"
            port=$((port + 1))
            continue
        fi
        svc_tail "$pgdir/pg_ctl.log" "$SVC_PG_LOG"
        svc_die "postgres did not start"
    done

    local deadline=$((SECONDS + 60))
    until "$SVC_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$SVC_PG_PORT" -t 2; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            svc_tail "$SVC_PG_LOG"
            svc_die "postgres not ready on 127.0.0.1:$SVC_PG_PORT after 60s"
        fi
        sleep 0.3
    done
    if ! "$SVC_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SVC_PG_PORT" -U postgres -d postgres >"$pgdir/setup.log" 2>&1 <<'EOC'
CREATE ROLE gateway LOGIN SUPERUSER PASSWORD 'gateway';
CREATE DATABASE gateway_test OWNER gateway;
EOC
    then
        svc_tail "$pgdir/setup.log" "$SVC_PG_LOG"
        svc_die "could not create database gateway_test / role gateway"
    fi
    export GATEWAY_TEST_POSTGRES="Host=127.0.0.1;Port=$SVC_PG_PORT;Database=gateway_test;Username=gateway;Password=gateway"
    svc_write_postgres_ctl
    svc_log "postgres ready on 127.0.0.1:$SVC_PG_PORT (database gateway_test, user gateway) in $(svc_elapsed "$t0")"
}

# Writes $SVC_TMP/pg/ctl and exports GATEWAY_TEST_POSTGRES_CTL: pg_ctl against this cluster only, run as its
# owner, so a test process can restart PostgreSQL (`ctl restart` = pg_ctl restart -m fast, waiting until it is up).
svc_write_postgres_ctl() {
    local ctl="$SVC_TMP/pg/ctl" as_owner=""
    [ "$(id -u)" = 0 ] && as_owner="runuser -u postgres --"
    {
        echo '#!/usr/bin/env bash'
        echo "# Generated by scripts/test-services.sh: pg_ctl against the test cluster in $SVC_PG_DATA only."
        echo '# Usage: ctl restart | status'
        printf 'cd %q || exit 1
' "$SVC_TMP"
        printf 'exec %s %q -D %q -l %q -m fast -w -t 60 "$@"
' "$as_owner" "$SVC_PG_BIN/pg_ctl" "$SVC_PG_DATA" "$SVC_PG_LOG"
    } >"$ctl"
    chmod 755 "$ctl"
    export GATEWAY_TEST_POSTGRES_CTL="$ctl"
}

svc_stop_postgres() {
    [ "$SVC_PG_STARTED" = 1 ] || return 0
    SVC_PG_STARTED=0
    local pid=""
    [ -f "$SVC_PG_DATA/postmaster.pid" ] && pid=$(head -n 1 "$SVC_PG_DATA/postmaster.pid" 2>/dev/null || true)
    if svc_pid_alive "$pid"; then
        svc_log "stopping postgres (127.0.0.1:$SVC_PG_PORT)"
        svc_pg_run "$SVC_PG_BIN/pg_ctl" -D "$SVC_PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            svc_pg_run "$SVC_PG_BIN/pg_ctl" -D "$SVC_PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
        # pg_ctl returns once postmaster.pid is gone; the process exits right after.
        if ! svc_wait_pid_gone "$pid" 10; then
            svc_warn "postgres (pid $pid) still running, killing it"
            svc_kill_tree "$pid"
        fi
    fi
}

# ---------------------------------------------------------------- rabbitmq

svc_rmqctl() {
    env "${SVC_RMQ_ENV[@]}" "$SVC_RMQ_SBIN/rabbitmqctl" -n "$SVC_RMQ_NODE" "$@"
}

# Minimal AMQP 0-9-1 handshake: send the protocol header, expect a
# Connection.Start method frame (type 1, channel 0, class 10 / method 10).
svc_amqp_probe() {
    local port=$1 hdr
    # shellcheck disable=SC2016
    hdr=$(timeout 5 bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "AMQP\000\000\011\001" >&3
        head -c 11 <&3 | od -An -tx1 | tr -d " \n"
    ' _ "$port" 2>/dev/null) || return 1
    # 01 | 0000 | size(4) | 000a 000a
    [ "${hdr:0:6}" = "010000" ] && [ "${hdr:14:8}" = "000a000a" ]
}

# Up to 3 attempts; an attempt that fails on a port conflict (eaddrinuse,
# epmd not starting) is retried on the next free ports.
svc_start_rabbitmq() {
    local t0 attempt base rc
    t0=$(svc_now)
    base=${GATEWAY_TEST_RABBIT_PORT:-26720}
    for attempt in 1 2 3; do
        rc=0
        svc_start_rabbitmq_once "$base" "$([ "$attempt" -lt 3 ] && echo retry || echo last)" || rc=$?
        [ "$rc" = 0 ] && break
        [ "$rc" = 2 ] || svc_die "rabbitmq did not start"
        svc_warn "rabbitmq: port conflict, retrying on other ports"
        svc_stop_rabbitmq
        rm -rf "$SVC_TMP/rabbitmq"
        base=$((SVC_RMQ_PORT + 4))
    done
    export GATEWAY_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$SVC_RMQ_PORT/"
    svc_write_rabbitmq_ctl
    svc_log "rabbitmq ready on 127.0.0.1:$SVC_RMQ_PORT (node $SVC_RMQ_NODE, dist $SVC_RMQ_DIST_PORT, epmd $SVC_EPMD_PORT) in $(svc_elapsed "$t0")"
}

# Writes $SVC_TMP/rabbitmq/ctl and exports GATEWAY_TEST_RABBITMQ_CTL: rabbitmqctl
# with this node's environment baked in, so a test process (which has none of
# SVC_RMQ_ENV) can stop and start the broker. bash, for the %q quoting.
svc_write_rabbitmq_ctl() {
    local ctl="$SVC_TMP/rabbitmq/ctl" v
    {
        echo '#!/usr/bin/env bash'
        echo "# Generated by scripts/test-services.sh: rabbitmqctl against the test node $SVC_RMQ_NODE only."
        echo '# Usage: ctl stop_app | start_app | await_startup | <any rabbitmqctl command>'
        printf 'exec env'
        for v in "${SVC_RMQ_ENV[@]}"; do printf ' %q' "$v"; done
        printf ' %q -n %q "$@"\n' "$SVC_RMQ_SBIN/rabbitmqctl" "$SVC_RMQ_NODE"
    } >"$ctl"
    chmod 755 "$ctl"
    export GATEWAY_TEST_RABBITMQ_CTL="$ctl"
}

# $1 = first port to try, $2 = retry|last. Returns 0 when up, 2 on a port
# conflict worth retrying; exits (after printing logs) on anything else.
svc_start_rabbitmq_once() {
    local d epmd_bin ctl_min can_retry=$2
    SVC_RMQ_PORT=$(svc_free_port "$1" "$SVC_PG_PORT") || svc_die "no free port for rabbitmq"
    # Erlang distribution port, a private epmd, and the CLI tools' dist range.
    SVC_RMQ_DIST_PORT=$(svc_free_port $((SVC_RMQ_PORT + 1)) "$SVC_PG_PORT") || svc_die "no free port for rabbitmq distribution"
    SVC_EPMD_PORT=$(svc_free_port $((SVC_RMQ_DIST_PORT + 1)) "$SVC_PG_PORT") || svc_die "no free port for epmd"
    ctl_min=$(svc_free_port $((SVC_EPMD_PORT + 1)) "$SVC_PG_PORT") || svc_die "no free port for rabbitmqctl"
    SVC_RMQ_NODE="gwtest-$$-$SVC_RMQ_PORT@localhost"
    d="$SVC_TMP/rabbitmq"
    mkdir -p "$d/home" "$d/mnesia" "$d/log" "$d/conf.d"
    # Both broker and rabbitmqctl read the cookie from $HOME/.erlang.cookie.
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' >"$d/home/.erlang.cookie")
    chmod 400 "$d/home/.erlang.cookie"
    echo '[].' >"$d/enabled_plugins"
    : >"$d/rabbitmq-env.conf"
    cat >"$d/rabbitmq.conf" <<EOC
loopback_users.guest = true
listeners.tcp.default = 127.0.0.1:$SVC_RMQ_PORT
disk_free_limit.absolute = 10MB
log.file.level = info
log.console = false
EOC

    # The broker shares two cores with the gateway, PostgreSQL and the load: its schedulers sleep when out of work
    # instead of spinning first (Erlang's +sbwt; RabbitMQ's runtime guide names this for shared hosts). Spinning cost the
    # same ≈ 0.28 of a core at 100 cases/s as flat out (docs/performance.md).
    SVC_RMQ_SCHEDULER_ARGS="+sbwt none +sbwtdcpu none +sbwtdio none"
    # Everything the broker needs, in the temp dir; ignores /etc/rabbitmq.
    SVC_RMQ_ENV=(
        "HOME=$d/home"
        "ERL_EPMD_PORT=$SVC_EPMD_PORT"
        "ERL_EPMD_ADDRESS=127.0.0.1"
        "RABBITMQ_NODENAME=$SVC_RMQ_NODE"
        "RABBITMQ_USE_LONGNAME=false"
        "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
        "RABBITMQ_NODE_PORT=$SVC_RMQ_PORT"
        "RABBITMQ_DIST_PORT=$SVC_RMQ_DIST_PORT"
        "RABBITMQ_CTL_DIST_PORT_MIN=$ctl_min"
        "RABBITMQ_CTL_DIST_PORT_MAX=$((ctl_min + 10))"
        "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
        "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1} $SVC_RMQ_SCHEDULER_ARGS"
        "RABBITMQ_CONF_ENV_FILE=$d/rabbitmq-env.conf"
        "RABBITMQ_CONFIG_FILE=$d/rabbitmq.conf"
        "RABBITMQ_CONFIG_FILES=$d/conf.d"
        "RABBITMQ_ADVANCED_CONFIG_FILE=$d/advanced.config"
        "RABBITMQ_ENABLED_PLUGINS_FILE=$d/enabled_plugins"
        "RABBITMQ_MNESIA_BASE=$d/mnesia"
        "RABBITMQ_LOG_BASE=$d/log"
        "RABBITMQ_LOGS=$d/log/rabbit.log"
        "RABBITMQ_PID_FILE=$d/rabbit.pid"
    )

    svc_log "starting rabbitmq (node $SVC_RMQ_NODE) on 127.0.0.1:$SVC_RMQ_PORT"
    # Private epmd, started by us so we can stop it (erl would daemonize one).
    epmd_bin=$(svc_find_epmd) || svc_die "epmd not found"
    "$epmd_bin" -port "$SVC_EPMD_PORT" -address 127.0.0.1 </dev/null >"$d/log/epmd.log" 2>&1 &
    SVC_EPMD_PID=$!
    local deadline=$((SECONDS + 15))
    until svc_port_in_use "$SVC_EPMD_PORT" && svc_pid_alive "$SVC_EPMD_PID"; do
        if ! svc_pid_alive "$SVC_EPMD_PID" || [ "$SECONDS" -ge "$deadline" ]; then
            [ "$can_retry" = retry ] && return 2
            svc_tail "$d/log/epmd.log"
            svc_die "epmd did not start on 127.0.0.1:$SVC_EPMD_PORT"
        fi
        sleep 0.1
    done

    # Foreground mode in the background: we get the pid, the script turns
    # SIGTERM into a clean broker shutdown.
    env "${SVC_RMQ_ENV[@]}" "$SVC_RMQ_SBIN/rabbitmq-server" </dev/null >"$d/log/stdout.log" 2>&1 &
    SVC_RMQ_PID=$!

    local limit=${GATEWAY_TEST_START_TIMEOUT:-90}
    deadline=$((SECONDS + limit))
    until svc_rmqctl await_startup --timeout 10 >"$d/log/await.log" 2>&1; do
        if [ "$can_retry" = retry ] && grep -qs eaddrinuse "$d/log/stdout.log" "$d/log/rabbit.log"; then
            return 2
        fi
        if ! svc_pid_alive "$SVC_RMQ_PID"; then
            if [ "$can_retry" = retry ] && grep -qs eaddrinuse "$d/log/stdout.log" "$d/log/rabbit.log"; then
                return 2
            fi
            svc_tail "$d/log/stdout.log" "$d/log/rabbit.log" "$d/log/await.log"
            svc_die "rabbitmq-server exited during startup"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            svc_tail "$d/log/stdout.log" "$d/log/rabbit.log" "$d/log/await.log"
            svc_die "rabbitmq not ready after ${limit}s"
        fi
        sleep 0.5
    done
    deadline=$((SECONDS + 20))
    until svc_amqp_probe "$SVC_RMQ_PORT"; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            svc_tail "$d/log/rabbit.log"
            svc_die "rabbitmq node is up but AMQP port 127.0.0.1:$SVC_RMQ_PORT does not answer"
        fi
        sleep 0.3
    done
}

svc_stop_rabbitmq() {
    if svc_pid_alive "$SVC_RMQ_PID"; then
        svc_log "stopping rabbitmq (node $SVC_RMQ_NODE)"
        local grace=3
        if timeout 60 env "${SVC_RMQ_ENV[@]}" "$SVC_RMQ_SBIN/rabbitmqctl" -n "$SVC_RMQ_NODE" stop >/dev/null 2>&1; then
            grace=30
        fi
        if ! svc_wait_pid_gone "$SVC_RMQ_PID" "$grace"; then
            svc_warn "rabbitmq-server (pid $SVC_RMQ_PID) still running, killing it"
        fi
        # Whatever is left of the wrapper script / beam.smp / erl_child_setup.
        svc_kill_tree "$SVC_RMQ_PID"
    fi
    SVC_RMQ_PID=""
    if svc_pid_alive "$SVC_EPMD_PID"; then
        svc_kill_tree "$SVC_EPMD_PID"
    fi
    SVC_EPMD_PID=""
}

# Last resort: kill any process still running from our temp dir (its command
# line or environment mentions the unique temp path). Normally finds nothing.
svc_sweep() {
    [ -n "$SVC_TMP" ] || return 0
    local d pid found=""
    for d in /proc/[0-9]*; do
        pid=${d#/proc/}
        [ "$pid" = "$$" ] && continue
        [ "$pid" = "${BASHPID:-$$}" ] && continue
        if grep -qsaF "$SVC_TMP/" "$d/cmdline" "$d/environ" 2>/dev/null; then
            found="$found $pid"
        fi
    done
    if [ -n "$found" ]; then
        svc_warn "killing leftover processes:$found"
        # shellcheck disable=SC2086
        kill -KILL $found 2>/dev/null || true
    fi
}

# The three-node cluster (functions only; started by svc_start_all).
# shellcheck source=scripts/test-rabbitmq-cluster.sh
. "$(dirname "${BASH_SOURCE[0]}")/test-rabbitmq-cluster.sh"

# ---------------------------------------------------------------- lifecycle

svc_cleanup() {
    local had_e=0
    case $- in *e*) had_e=1 ;; esac
    set +e
    trap - INT TERM HUP
    local child
    for child in "${SVC_CHILD_PIDS[@]}"; do
        if svc_pid_alive "$child"; then
            svc_log "interrupted: stopping pid $child and its children"
            svc_kill_tree "$child"
        fi
    done
    SVC_CHILD_PIDS=()
    svc_policy_rc_cleanup
    svc_stop_rabbitmq_cluster
    svc_stop_rabbitmq
    svc_stop_postgres
    svc_sweep
    if [ -n "$SVC_TMP" ] && [ -d "$SVC_TMP" ]; then
        if [ "${GATEWAY_TEST_KEEP_TMP:-0}" = 1 ]; then
            svc_log "keeping $SVC_TMP (GATEWAY_TEST_KEEP_TMP=1)"
        else
            rm -rf "$SVC_TMP"
        fi
    fi
    SVC_TMP=""
    [ "$had_e" = 1 ] && set -e
    return 0
}

# Install what is missing, start both services, export the env vars.
# Installs traps: services are stopped on exit, error, Ctrl-C, SIGTERM.
svc_start_all() {
    [ -n "${GATEWAY_TEST_POSTGRES:-}" ] && SVC_WANT_PG=0
    [ -n "${GATEWAY_TEST_RABBITMQ:-}" ] && SVC_WANT_RMQ=0

    trap svc_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP

    svc_install

    SVC_TMP=$(mktemp -d "${TMPDIR:-/tmp}/gwtest.XXXXXX")
    chmod 755 "$SVC_TMP" # the postgres user must be able to reach its data dir

    if [ "$SVC_WANT_PG" = 1 ]; then
        svc_start_postgres
    else
        svc_log "using external postgres from GATEWAY_TEST_POSTGRES"
    fi
    if [ "$SVC_WANT_RMQ" = 1 ]; then
        svc_start_rabbitmq
        if [ -z "${GATEWAY_TEST_RABBITMQ_CLUSTER:-}" ]; then svc_start_rabbitmq_cluster; fi
    else
        svc_log "using external rabbitmq from GATEWAY_TEST_RABBITMQ"
    fi
    export GATEWAY_TEST_POSTGRES GATEWAY_TEST_RABBITMQ
    svc_log "GATEWAY_TEST_POSTGRES=$GATEWAY_TEST_POSTGRES"
    svc_log "GATEWAY_TEST_RABBITMQ=$GATEWAY_TEST_RABBITMQ"
    if [ -n "${GATEWAY_TEST_RABBITMQ_CTL:-}" ]; then svc_log "GATEWAY_TEST_RABBITMQ_CTL=$GATEWAY_TEST_RABBITMQ_CTL"; fi
    if [ -n "${GATEWAY_TEST_POSTGRES_CTL:-}" ]; then svc_log "GATEWAY_TEST_POSTGRES_CTL=$GATEWAY_TEST_POSTGRES_CTL"; fi
}

svc_stop_all() {
    svc_cleanup
}

# Quick check that both services answer with the exported settings.
svc_selfcheck() {
    if [ "$SVC_WANT_PG" = 1 ]; then
        svc_log "self-check: psql over TCP as gateway"
        PGPASSWORD=gateway "$SVC_PG_BIN/psql" -X -At -h 127.0.0.1 -p "$SVC_PG_PORT" -U gateway -d gateway_test \
            -c "select current_user, current_database(), inet_server_addr(), inet_server_port(), version()"
    fi
    if [ "$SVC_WANT_RMQ" = 1 ]; then
        svc_log "self-check: rabbitmqctl status / authenticate_user guest"
        svc_rmqctl status | grep -E 'RabbitMQ version|Erlang configuration|amqp' || true
        svc_rmqctl authenticate_user guest guest
        svc_amqp_probe "$SVC_RMQ_PORT" && svc_log "self-check: AMQP handshake on 127.0.0.1:$SVC_RMQ_PORT OK"
    fi
}

# ---------------------------------------------------------------- direct use

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    svc_start_all
    if [ "$#" -gt 0 ]; then
        "$@"
    else
        svc_selfcheck
    fi
fi
