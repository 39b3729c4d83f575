#!/usr/bin/env bash
# Two Truce instances on one PostgreSQL database, behind nginx terminating TLS with a self-signed certificate.
#
#   scripts/cluster.sh [start]   build nothing; start both instances and nginx (needs target/truce.jar)
#   scripts/cluster.sh stop      stop what start started
#
# Environment (defaults in brackets):
#   TRUCE_DB     a jdbc:postgresql:// URL of a database with PostGIS
#                [jdbc:postgresql://127.0.0.1:5432/truce_cluster?user=postgres]
#   TRUCE_JAR    [target/truce.jar]
#   PORTS        the two instances' ports on 127.0.0.1 [8081 8082]
#   HTTPS_PORT   nginx's TLS port [8443]
#   STATE        where the certificate, nginx config, logs, pids and the shared data directory go
#                [${TMPDIR:-/tmp}/truce-cluster]
# The instances share the data directory: it holds the ledger key, which both sign checkpoints with.
set -euo pipefail

DB=${TRUCE_DB:-jdbc:postgresql://127.0.0.1:5432/truce_cluster?user=postgres}
JAR=${TRUCE_JAR:-target/truce.jar}
read -r -a PORT_LIST <<< "${PORTS:-8081 8082}"
HTTPS_PORT=${HTTPS_PORT:-8443}
STATE=${STATE:-${TMPDIR:-/tmp}/truce-cluster}

stop() {
  if [[ -f "$STATE/nginx.pid" ]]; then
    nginx -c "$STATE/nginx.conf" -p "$STATE" -s quit 2>/dev/null || true
  fi
  for pidfile in "$STATE"/truce-*.pid; do
    [[ -f "$pidfile" ]] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
    rm -f "$pidfile"
  done
  echo "stopped (logs and data kept in $STATE)"
}

wait_for() { # url
  for _ in $(seq 1 120); do
    if curl -fsk -o /dev/null "$1"; then return 0; fi
    sleep 1
  done
  echo "no answer from $1; see the logs in $STATE" >&2
  return 1
}

start() {
  [[ -f "$JAR" ]] || { echo "$JAR is missing: run mvn package -DskipTests first" >&2; exit 2; }
  if ! command -v nginx >/dev/null; then
    echo "installing nginx (Debian package)"
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y -q nginx >/dev/null; else sudo apt-get install -y -q nginx >/dev/null; fi
  fi
  mkdir -p "$STATE/data" "$STATE/logs"
  if [[ ! -f "$STATE/tls.crt" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$STATE/tls.key" -out "$STATE/tls.crt" 2>/dev/null
    chmod 600 "$STATE/tls.key"
  fi
  upstreams=""
  for port in "${PORT_LIST[@]}"; do upstreams+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'; done
  cat > "$STATE/nginx.conf" <<CONF
worker_processes 1;
pid $STATE/nginx.pid;
error_log $STATE/logs/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $STATE/logs/nginx-access.log;
  client_body_temp_path $STATE/nginx-body;
  proxy_temp_path $STATE/nginx-proxy;
  fastcgi_temp_path $STATE/nginx-fastcgi;
  uwsgi_temp_path $STATE/nginx-uwsgi;
  scgi_temp_path $STATE/nginx-scgi;
  upstream truce {
$upstreams  }
  server {
    listen 127.0.0.1:$HTTPS_PORT ssl;
    ssl_certificate $STATE/tls.crt;
    ssl_certificate_key $STATE/tls.key;
    client_max_body_size 64m;
    location / {
      proxy_pass http://truce;
      proxy_http_version 1.1;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto https;
      proxy_set_header X-Forwarded-Port \$server_port;
      # Event streams (alerts) are not buffered.
      proxy_buffering off;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
  # The first instance migrates the schema; the second starts once it answers.
  for port in "${PORT_LIST[@]}"; do
    java -jar "$JAR" serve --db "$DB" --data "$STATE/data" --port "$port" --behind-proxy \
      > "$STATE/logs/truce-$port.log" 2>&1 &
    echo $! > "$STATE/truce-$port.pid"
    wait_for "http://127.0.0.1:$port/actuator/health"
    echo "instance on 127.0.0.1:$port (pid $(cat "$STATE/truce-$port.pid"))"
  done
  nginx -c "$STATE/nginx.conf" -p "$STATE"
  wait_for "https://127.0.0.1:$HTTPS_PORT/actuator/health"
  echo "nginx on https://127.0.0.1:$HTTPS_PORT/ (self-signed certificate $STATE/tls.crt)"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
