# MariaDB (own datadir, 127.0.0.1:13306) and RabbitMQ (127.0.0.1:5672, own epmd on
# 127.0.0.1:4369, Erlang distribution on 127.0.0.1:25672). Sourced by start.sh.

MYSQL_DATA="$LAB_DIR/mysql"
RABBIT_HOME="$LAB_DIR/rabbitmq"

start_mariadb() {
  install -d -o mysql -g mysql "$MYSQL_DATA" "$(dirname "$LAB_DB_SOCK")"
  if [[ ! -d "$MYSQL_DATA/mysql" ]]; then
    log "mariadb: initialising $MYSQL_DATA"
    # unix_socket auth: OS root is DB root through our socket, no password on disk.
    "${NICE[@]}" mariadb-install-db --no-defaults --user=mysql --datadir="$MYSQL_DATA" \
      --auth-root-authentication-method=socket --skip-test-db >"$LAB_LOG/mariadb-init.log" 2>&1 \
      || { show_log mariadb-init; die "mariadb-install-db failed"; }
  fi
  # Durability knobs are off on purpose: a lab that can be recreated in minutes.
  start_daemon mariadb /usr/sbin/mariadbd --no-defaults --user=mysql \
    --datadir="$MYSQL_DATA" --socket="$LAB_DB_SOCK" --pid-file="$MYSQL_DATA/mariadbd.pid" \
    --bind-address=$LAB_HOST --port=$LAB_DB_PORT --skip-name-resolve \
    --character-set-server=utf8 --collation-server=utf8_general_ci \
    --max-connections=1000 --innodb-buffer-pool-size=128M \
    --innodb-flush-log-at-trx-commit=2 --skip-log-bin --performance-schema=OFF \
    --log-error="$LAB_LOG/mariadb-error.log"
  wait_until 60 mariadb "MariaDB socket" sql -e 'SELECT 1' || die "mariadb did not come up"
  log "mariadb: up on $LAB_HOST:$LAB_DB_PORT ($(elapsed))"
}

# Environment shared by the broker and rabbitmqctl (same cookie via HOME, same node).
RABBIT_ENV=(env HOME="$RABBIT_HOME"
    RABBITMQ_CONF_ENV_FILE=/dev/null
    RABBITMQ_NODENAME=podgate-lab@localhost
    RABBITMQ_MNESIA_BASE="$RABBIT_HOME/mnesia"
    RABBITMQ_LOG_BASE="$LAB_LOG"
    RABBITMQ_LOGS=-
    RABBITMQ_CONFIG_FILE="$LAB_ETC/rabbitmq/rabbitmq.conf"
    RABBITMQ_ENABLED_PLUGINS_FILE="$LAB_ETC/rabbitmq/enabled_plugins"
    RABBITMQ_PID_FILE="$RABBIT_HOME/rabbitmq.pid"
    RABBITMQ_DIST_PORT=25672
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    ERL_EPMD_ADDRESS="$LAB_HOST" ERL_EPMD_PORT=4369)

rmqctl() { "${RABBIT_ENV[@]}" "${NICE[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -q "$@"; }

# Launches epmd and the broker without waiting: Erlang boots (~15 s here) while Keystone starts.
launch_rabbitmq() {
  install -d -m 700 "$RABBIT_HOME" "$LAB_ETC/rabbitmq"
  cat >"$LAB_ETC/rabbitmq/rabbitmq.conf" <<CONF
listeners.tcp.1 = $LAB_HOST:5672
loopback_users = none
heartbeat = 0
log.console = true
log.file = false
CONF
  echo '[].' >"$LAB_ETC/rabbitmq/enabled_plugins"   # no management plugin, no extra ports
  # Our own epmd in the foreground: otherwise erl daemonises one that escapes stop.sh.
  start_daemon epmd /usr/bin/epmd -address $LAB_HOST -port 4369
  wait_until 20 epmd "epmd" bash -c "exec 3<>/dev/tcp/$LAB_HOST/4369"
  start_daemon rabbitmq "${RABBIT_ENV[@]}" /usr/lib/rabbitmq/bin/rabbitmq-server
}

# Waits for the AMQP listener (it opens once the broker has booted; far cheaper to poll than
# rabbitmqctl, ~3 s of Erlang start-up per call), then creates user and vhosts once.
await_rabbitmq() {
  wait_until 120 rabbitmq "RabbitMQ AMQP port" bash -c "exec 3<>/dev/tcp/$LAB_HOST/5672" \
    || die "rabbitmq did not come up"
  local marker="rabbit-${LAB_PODS// /_}" pod
  if ! is_ready "$marker"; then
    rmqctl await_startup
    rmqctl list_users | grep -q "^$LAB_RABBIT_USER\b" || rmqctl add_user "$LAB_RABBIT_USER" "$LAB_RABBIT_PASS" >/dev/null
    for pod in $LAB_PODS; do
      rmqctl add_vhost "pod$pod" >/dev/null 2>&1 || true
      rmqctl set_permissions -p "pod$pod" "$LAB_RABBIT_USER" '.*' '.*' '.*' >/dev/null
    done
    mark_ready "$marker"
  fi
  log "rabbitmq: up on $LAB_HOST:5672, vhosts for pods $LAB_PODS ($(elapsed))"
}
