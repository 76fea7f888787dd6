# shellcheck shell=bash
# A three-node RabbitMQ cluster on loopback for the broker-cluster test, sourced by scripts/test-services.sh (uses its
# svc_* helpers). Node 1 starts first; nodes 2 and 3 boot in parallel and join it. Quorum queues declared on the
# cluster get a member on every node (RabbitMQ's default initial group size is the whole cluster).
#
# Exports:
#   GATEWAY_TEST_RABBITMQ_CLUSTER      amqp://guest:guest@127.0.0.1:PORT1/ (node 1, where clients connect first)
#   GATEWAY_TEST_RABBITMQ_CLUSTER_NODES  127.0.0.1:PORT1,127.0.0.1:PORT2,127.0.0.1:PORT3
#   GATEWAY_TEST_RABBITMQ_CLUSTER_CTL  a script: `ctl N <rabbitmqctl command>` against node N (1-3) only,
#                                      e.g. `ctl 2 stop_app`, `ctl 2 start_app`, `ctl 1 list_connections`.
# Set GATEWAY_TEST_RABBITMQ_CLUSTER yourself to use an external cluster (then nothing is started).

SVC_RMQC_DIR=""
SVC_RMQC_EPMD_PID=""
SVC_RMQC_PIDS=()
SVC_RMQC_NODES=()
SVC_RMQC_PORTS=()

# The environment of node $1 (1-3), one VAR=value per line, written to $SVC_RMQC_DIR/nodeN/env.
svc_rmqc_env_file() { echo "$SVC_RMQC_DIR/node$1/env"; }

svc_rmqc_ctl() {
    local n=$1 vars
    shift
    mapfile -t vars <"$(svc_rmqc_env_file "$n")"
    env "${vars[@]}" "$SVC_RMQ_SBIN/rabbitmqctl" -n "${SVC_RMQC_NODES[$((n - 1))]}" "$@"
}

svc_start_rabbitmq_cluster() {
    local t0 n port dist epmd_port ctl_min epmd_bin d base
    t0=$(svc_now)
    SVC_RMQC_DIR="$SVC_TMP/rabbitmq-cluster"
    mkdir -p "$SVC_RMQC_DIR/home"
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' >"$SVC_RMQC_DIR/home/.erlang.cookie")
    chmod 400 "$SVC_RMQC_DIR/home/.erlang.cookie"
    base=$(( ${SVC_RMQ_PORT:-26720} + 20 ))
    epmd_port=$(svc_free_port "$base" "$SVC_PG_PORT" "$SVC_RMQ_PORT") || svc_die "no free port for the cluster's epmd"
    ctl_min=$(svc_free_port $((epmd_port + 1)) "$SVC_PG_PORT" "$SVC_RMQ_PORT") || svc_die "no free port for rabbitmqctl"
    port=$((ctl_min + 11))
    for n in 1 2 3; do
        port=$(svc_free_port "$port" "$SVC_PG_PORT" "$SVC_RMQ_PORT") || svc_die "no free port for cluster node $n"
        dist=$(svc_free_port $((port + 1)) "$SVC_PG_PORT" "$SVC_RMQ_PORT") || svc_die "no free port for cluster node $n distribution"
        SVC_RMQC_PORTS+=("$port")
        SVC_RMQC_NODES+=("gwc$$-$n@localhost")
        d="$SVC_RMQC_DIR/node$n"
        mkdir -p "$d/mnesia" "$d/log" "$d/conf.d"
        echo '[].' >"$d/enabled_plugins"
        : >"$d/rabbitmq-env.conf"
        cat >"$d/rabbitmq.conf" <<EOC
loopback_users.guest = true
listeners.tcp.default = 127.0.0.1:$port
disk_free_limit.absolute = 10MB
log.file.level = info
log.console = false
EOC
        cat >"$d/env" <<EOC
HOME=$SVC_RMQC_DIR/home
ERL_EPMD_PORT=$epmd_port
ERL_EPMD_ADDRESS=127.0.0.1
RABBITMQ_NODENAME=gwc$$-$n@localhost
RABBITMQ_USE_LONGNAME=false
RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
RABBITMQ_NODE_PORT=$port
RABBITMQ_DIST_PORT=$dist
RABBITMQ_CTL_DIST_PORT_MIN=$ctl_min
RABBITMQ_CTL_DIST_PORT_MAX=$((ctl_min + 10))
RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}
RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}
RABBITMQ_CONF_ENV_FILE=$d/rabbitmq-env.conf
RABBITMQ_CONFIG_FILE=$d/rabbitmq.conf
RABBITMQ_CONFIG_FILES=$d/conf.d
RABBITMQ_ADVANCED_CONFIG_FILE=$d/advanced.config
RABBITMQ_ENABLED_PLUGINS_FILE=$d/enabled_plugins
RABBITMQ_MNESIA_BASE=$d/mnesia
RABBITMQ_LOG_BASE=$d/log
RABBITMQ_LOGS=$d/log/rabbit.log
RABBITMQ_PID_FILE=$d/rabbit.pid
EOC
        port=$((dist + 1))
    done

    svc_log "starting a 3-node rabbitmq cluster on 127.0.0.1:${SVC_RMQC_PORTS[*]}"
    epmd_bin=$(svc_find_epmd) || svc_die "epmd not found"
    "$epmd_bin" -port "$epmd_port" -address 127.0.0.1 </dev/null >"$SVC_RMQC_DIR/epmd.log" 2>&1 &
    SVC_RMQC_EPMD_PID=$!
    local deadline=$((SECONDS + 15))
    until svc_port_in_use "$epmd_port"; do
        svc_pid_alive "$SVC_RMQC_EPMD_PID" && [ "$SECONDS" -lt "$deadline" ] || svc_die "cluster epmd did not start on 127.0.0.1:$epmd_port"
        sleep 0.1
    done

    # Node 1 first, then 2 and 3 booting together (two cores: three at once only slows each).
    svc_rmqc_boot 1
    svc_rmqc_await 1
    svc_rmqc_boot 2
    svc_rmqc_boot 3
    svc_rmqc_await 2
    svc_rmqc_await 3
    for n in 2 3; do
        svc_rmqc_ctl "$n" stop_app >/dev/null 2>&1 || svc_die "cluster node $n: stop_app failed"
        svc_rmqc_ctl "$n" join_cluster "${SVC_RMQC_NODES[0]}" >"$SVC_RMQC_DIR/node$n/log/join.log" 2>&1 ||
            { svc_tail "$SVC_RMQC_DIR/node$n/log/join.log"; svc_die "cluster node $n could not join node 1"; }
        svc_rmqc_ctl "$n" start_app >/dev/null 2>&1 || svc_die "cluster node $n: start_app failed"
        svc_rmqc_await "$n"
    done
    local running
    running=$(svc_rmqc_ctl 1 eval 'length(rabbit_nodes:all_running()).' 2>/dev/null | tr -d '[:space:]')
    [ "$running" = 3 ] || svc_die "rabbitmq cluster: $running nodes running, expected 3"

    svc_write_rabbitmq_cluster_ctl
    export GATEWAY_TEST_RABBITMQ_CLUSTER="amqp://guest:guest@127.0.0.1:${SVC_RMQC_PORTS[0]}/"
    export GATEWAY_TEST_RABBITMQ_CLUSTER_NODES="127.0.0.1:${SVC_RMQC_PORTS[0]},127.0.0.1:${SVC_RMQC_PORTS[1]},127.0.0.1:${SVC_RMQC_PORTS[2]}"
    svc_log "rabbitmq cluster ready (${SVC_RMQC_NODES[*]}) in $(svc_elapsed "$t0")"
}

svc_rmqc_boot() {
    local n=$1 vars
    mapfile -t vars <"$(svc_rmqc_env_file "$n")"
    env "${vars[@]}" "$SVC_RMQ_SBIN/rabbitmq-server" </dev/null >"$SVC_RMQC_DIR/node$n/log/stdout.log" 2>&1 &
    SVC_RMQC_PIDS+=("$!")
}

svc_rmqc_await() {
    local n=$1 d="$SVC_RMQC_DIR/node$1" deadline=$((SECONDS + ${GATEWAY_TEST_START_TIMEOUT:-90}))
    until svc_rmqc_ctl "$n" await_startup --timeout 10 >"$d/log/await.log" 2>&1 && svc_amqp_probe "${SVC_RMQC_PORTS[$((n - 1))]}"; do
        if ! svc_pid_alive "${SVC_RMQC_PIDS[$((n - 1))]}" || [ "$SECONDS" -ge "$deadline" ]; then
            svc_tail "$d/log/stdout.log" "$d/log/rabbit.log" "$d/log/await.log"
            svc_die "rabbitmq cluster node $n did not start"
        fi
        sleep 0.5
    done
}

# `ctl N command…`: rabbitmqctl against cluster node N with its environment baked in, for test processes.
svc_write_rabbitmq_cluster_ctl() {
    local ctl="$SVC_RMQC_DIR/ctl" n
    {
        echo '#!/usr/bin/env bash'
        echo '# Generated by scripts/test-rabbitmq-cluster.sh: rabbitmqctl against one node of the test cluster.'
        echo '# Usage: ctl N stop_app | start_app | await_startup | <any rabbitmqctl command>   (N = 1, 2 or 3)'
        echo 'n=$1; shift'
        echo 'case "$n" in'
        for n in 1 2 3; do
            printf '%s) exec env' "$n"
            while IFS= read -r line; do printf ' %q' "$line"; done <"$(svc_rmqc_env_file "$n")"
            printf ' %q -n %q "$@" ;;\n' "$SVC_RMQ_SBIN/rabbitmqctl" "${SVC_RMQC_NODES[$((n - 1))]}"
        done
        echo '*) echo "usage: ctl 1|2|3 <rabbitmqctl command>" >&2; exit 2 ;;'
        echo 'esac'
    } >"$ctl"
    chmod 755 "$ctl"
    export GATEWAY_TEST_RABBITMQ_CLUSTER_CTL="$ctl"
}

svc_stop_rabbitmq_cluster() {
    local i pid
    for i in "${!SVC_RMQC_PIDS[@]}"; do
        pid=${SVC_RMQC_PIDS[$i]}
        svc_pid_alive "$pid" || continue
        svc_log "stopping rabbitmq cluster node $((i + 1))"
        timeout 60 "$SVC_RMQC_DIR/ctl" $((i + 1)) stop >/dev/null 2>&1 || true
        svc_wait_pid_gone "$pid" 20 || svc_warn "rabbitmq cluster node $((i + 1)) (pid $pid) still running, killing it"
        svc_kill_tree "$pid"
    done
    SVC_RMQC_PIDS=()
    if svc_pid_alive "$SVC_RMQC_EPMD_PID"; then svc_kill_tree "$SVC_RMQC_EPMD_PID"; fi
    SVC_RMQC_EPMD_PID=""
}
