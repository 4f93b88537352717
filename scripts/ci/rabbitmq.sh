#!/usr/bin/env bash
# Starts RabbitMQ with the STOMP, Web-STOMP and management plugins (what the realtime tests use)
# and waits until AMQP 5672, Web-STOMP 15674 and management 15672 answer. Idempotent; bounded time.
set -euo pipefail
LIMIT=${RABBITMQ_WAIT_SECONDS:-90}
if ! command -v rabbitmq-server >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq rabbitmq-server >/dev/null
  else
    echo "rabbitmq.sh: rabbitmq-server is not installed and apt-get is not available" >&2
    exit 1
  fi
fi
if ! rabbitmqctl -q status >/dev/null 2>&1; then
  rabbitmq-server -detached
fi
deadline=$((SECONDS + LIMIT))
until rabbitmqctl -q await_startup >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || { echo "rabbitmq.sh: RabbitMQ did not start in ${LIMIT}s" >&2; exit 1; }
  sleep 1
done
rabbitmq-plugins -q enable rabbitmq_stomp rabbitmq_web_stomp rabbitmq_management >/dev/null
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 5672 15674 15672; do
  until port_open "$port"; do
    [ $SECONDS -lt $deadline ] || { echo "rabbitmq.sh: port $port not open after ${LIMIT}s" >&2; exit 1; }
    sleep 1
  done
done
echo "RabbitMQ ready: AMQP 5672, Web-STOMP 15674 (/ws), management 15672"
