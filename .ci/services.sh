#!/usr/bin/env bash
# Installs and starts the servers the scale tests need, on loopback, as root on a clean Debian machine; safe to run twice.
# Prints the variables to export, e.g.:  eval "$(bash .ci/services.sh)"
#   VIGIE_TEST_PG    PostgreSQL connection string (store suite, worker test)
#   VIGIE_TEST_NATS  NATS server with JetStream (worker test)
set -euo pipefail
log() { echo "services: $*" >&2; }

need=()
command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v nats-server >/dev/null 2>&1 || need+=(nats-server)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need[@]}" >&2
fi

# PostgreSQL: Debian's default cluster, on 127.0.0.1:5432, password login for postgres, database vigie_test.
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  log "starting PostgreSQL $version"
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 1
done
su postgres -c "psql -q -h /var/run/postgresql -c \"ALTER USER postgres PASSWORD 'postgres'\"" >&2
if ! su postgres -c "psql -h /var/run/postgresql -Atc \"SELECT 1 FROM pg_database WHERE datname = 'vigie_test'\"" | grep -q 1; then
  su postgres -c "createdb -h /var/run/postgresql vigie_test" >&2
fi

# NATS with JetStream on 127.0.0.1:4222, its store under /var/tmp.
if ! (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then
  log "starting nats-server -js"
  mkdir -p /var/tmp/vigie-nats
  nohup nats-server -js -a 127.0.0.1 -p 4222 -sd /var/tmp/vigie-nats >/var/tmp/vigie-nats/server.log 2>&1 &
  for _ in $(seq 1 30); do
    (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null && break
    sleep 0.5
  done
fi
(exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null || { log "nats-server did not start (see /var/tmp/vigie-nats/server.log)"; exit 1; }

echo "export VIGIE_TEST_PG='Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=vigie_test'"
echo "export VIGIE_TEST_NATS='nats://127.0.0.1:4222'"
