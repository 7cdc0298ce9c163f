#!/usr/bin/env bash
# Prepares a Payara Server 6 domain for Hookline; README "Deploying into your own server".
#   deploy/payara/setup.sh PAYARA_HOME [PG_PROPERTIES]
# PAYARA_HOME is the directory with bin/asadmin (payara6). The domain is $DOMAIN (default domain1); a domain
# whose admin port is not 4848 is reached with asadmin's own environment variable, AS_ADMIN_PORT.
# Always: the domain's HTTP listeners name no server (no Server or X-Powered-By header, as on WildFly with
# deploy/wildfly/configure.cli): one less fact for an attacker, and the same headers on both servers; and Payara's
# own MicroProfile Metrics is off, so GET /metrics reaches Hookline's.
# Without PG_PROPERTIES that is all: Hookline uses the server's default data source (java:comp/DefaultDataSource,
# Payara's jdbc/__default, the domain's embedded H2 file) and deploys as it is.
# PG_PROPERTIES: a properties file with pg.host, pg.port, pg.database, pg.schema, pg.user, pg.password and
# pg.driver (the PostgreSQL JDBC jar), the same file deploy/wildfly/setup.sh takes, puts jdbc/__default on
# PostgreSQL: the driver goes into the domain's lib (read when the domain starts, so the domain is started, or
# restarted if it runs), then a pool with the outage settings (README "Database outages") replaces H2 behind
# jdbc/__default. asadmin's set needs a running domain: the script leaves the domain running if it ran, stopped
# if it was stopped. Run it once, before deploying.
set -euo pipefail
payara="${1:?Payara home (the directory with bin/asadmin)}"
pg_properties="${2:-}"
domain="${DOMAIN:-domain1}"
asadmin="$payara/bin/asadmin"

declare -A pg=()
if [ -n "$pg_properties" ]; then
  # name=value lines; no escapes, as in deploy/wildfly/setup.sh's file.
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    pg["${line%%=*}"]="${line#*=}"
  done < "$pg_properties"
  for key in pg.host pg.port pg.database pg.schema pg.user pg.password pg.driver; do
    [ -n "${pg[$key]+set}" ] || { echo "$pg_properties has no $key" >&2; exit 1; }
  done
  # The driver into the domain's lib; the domain reads it when it starts (or restarts, below).
  cp "${pg[pg.driver]}" "$payara/glassfish/domains/$domain/lib/"
fi
# asadmin's --property list separates pairs with ':' : a colon inside a value is written '\:'.
value() { printf '%s' "${pg[$1]//:/\\:}"; }

# "domain1 running", or "domain1 running, restart required to apply configuration changes" after a change such
# as setup.sh's: both are running (an exact match took the second for stopped and started a second server).
if "$asadmin" list-domains | grep -qE "^$domain running(,|$)"; then
  was_running=yes
  if [ -n "$pg_properties" ]; then "$asadmin" restart-domain "$domain"; fi
else
  was_running=no
  "$asadmin" start-domain "$domain"
fi

# 1. No Server / X-Powered-By header on either listener (http-listener-1: HTTP, http-listener-2: HTTPS).
listeners=configs.config.server-config.network-config.protocols.protocol
"$asadmin" set $listeners.http-listener-1.http.server-header=false $listeners.http-listener-1.http.xpowered-by=false \
  $listeners.http-listener-2.http.server-header=false $listeners.http-listener-2.http.xpowered-by=false

# 2. /metrics is Hookline's (HOOKLINE_METRICS_ENABLED): Payara's own MicroProfile Metrics answers that path on the
#    HTTP listeners by default, in front of the application and without authentication, so it is turned off.
"$asadmin" set-metrics-configuration --enabled=false

if [ -z "$pg_properties" ]; then
  if [ "$was_running" = no ]; then "$asadmin" stop-domain "$domain"; fi
  echo "Payara at $payara ($domain) is ready for Hookline on its embedded H2 (jdbc/__default): deploy the EAR"
  exit 0
fi

# 3. The pool: every connection checked (at most once a second) before use, all dropped after one fails,
#    3 s wait for a free one, and driver timeouts so an unreachable database fails fast (README "Database outages").
"$asadmin" create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
  --restype javax.sql.DataSource \
  --isconnectvalidatereq=true --validationmethod=custom-validation \
  --validationclassname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation \
  --validateatmostonceperiod=1 --failconnection=true --maxwait=3000 \
  --property "user=$(value pg.user):password=$(value pg.password):serverName=$(value pg.host):portNumber=$(value pg.port):databaseName=$(value pg.database):currentSchema=$(value pg.schema):connectTimeout=2:loginTimeout=3:socketTimeout=4:tcpKeepAlive=true" \
  HooklinePostgres
"$asadmin" ping-connection-pool HooklinePostgres

# 4. Hookline's data source is the default one: point it at the new pool.
"$asadmin" set resources.jdbc-resource.jdbc/__default.pool-name=HooklinePostgres

if [ "$was_running" = no ]; then
  "$asadmin" stop-domain "$domain"
fi
echo "Payara at $payara ($domain) is ready for Hookline on PostgreSQL ${pg[pg.host]}:${pg[pg.port]}/${pg[pg.database]}, schema ${pg[pg.schema]}"
