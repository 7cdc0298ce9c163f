#!/usr/bin/env bash
# Tests README "Deploying into your own server" end to end, on a fresh Payara Server and a fresh WildFly:
#   deploy/own-server-check.sh [--postgres] [EAR]
# Unpacks both servers (the versions the pom names, from the local Maven repository) into a temporary directory,
# prepares each with its setup script (deploy/payara/setup.sh, deploy/wildfly/setup.sh), starts it with a bootstrap
# admin (HOOKLINE_ADMIN_USERNAME/_PASSWORD), deploys the EAR (default webhooks-ear/target/hookline.ear) with the
# server's own deploy command, and checks it: GET /api/v4/system/ping answers {"status":"OK","database_status":"OK"},
# a hook created through the API answers the spec's examples with exactly `ok`, and the posts are stored. Then
# stops the server, also when a step fails. One server after the other.
#
# Every port either server opens is moved by PORT_OFFSET (default 600: Hookline at http://localhost:8680/), so the
# check runs beside servers on the default ports. Payara: a new domain `hookline` created with the moved ports
# (an admin's second domain on an existing installation); WildFly: -Djboss.socket.binding.port-offset.
# --postgres: PostgreSQL instead of the servers' embedded H2, at PG_HOST (127.0.0.1), PG_PORT (5432), PG_DATABASE
# (test), PG_USER (postgres), PG_PASSWORD (postgres), in the schemas ${PG_SCHEMA_PREFIX}_payara and _wildfly
# (PG_SCHEMA_PREFIX: hookline_check), dropped and created afresh each run.
# SERVERS="payara wildfly" (the default) or just one of them; KEEP=1 keeps the temporary directory (it is kept
# anyway when the check fails, for the servers' logs).
# Needs java, curl, unzip, tar, and psql for --postgres.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
postgres=no
if [ "${1:-}" = "--postgres" ]; then postgres=yes; shift; fi
ear="${1:-$repo/webhooks-ear/target/hookline.ear}"
[ -f "$ear" ] || { echo "No EAR at $ear: build it first (mvn package -DskipTests)" >&2; exit 2; }
ear="$(cd "$(dirname "$ear")" && pwd)/$(basename "$ear")"
offset="${PORT_OFFSET:-600}"
servers="${SERVERS:-payara wildfly}"

# The versions the build uses, from the root pom.
version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$repo/pom.xml" | head -1; }
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
payara_zip="$m2/fish/payara/distributions/payara/$(version payara.version)/payara-$(version payara.version).zip"
wildfly_tgz="$m2/org/wildfly/wildfly-dist/$(version wildfly.version)/wildfly-dist-$(version wildfly.version).tar.gz"
eclipselink_jar="$m2/org/eclipse/persistence/eclipselink/$(version eclipselink.version)/eclipselink-$(version eclipselink.version).jar"
postgresql_jar="$m2/org/postgresql/postgresql/$(version postgresql.version)/postgresql-$(version postgresql.version).jar"
for file in "$payara_zip" "$wildfly_tgz" "$eclipselink_jar" "$postgresql_jar"; do
  [ -f "$file" ] || { echo "Missing $file: a build with -Pwildfly,postgres fetches it, or mvn dependency:get" >&2; exit 2; }
done

pg_host="${PG_HOST:-127.0.0.1}" pg_port="${PG_PORT:-5432}" pg_database="${PG_DATABASE:-test}"
pg_user="${PG_USER:-postgres}" pg_password="${PG_PASSWORD:-postgres}" pg_prefix="${PG_SCHEMA_PREFIX:-hookline_check}"

work="$(mktemp -d "${TMPDIR:-/tmp}/hookline-own-server.XXXXXX")"
admin=checkadmin
password="Check-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
base="http://localhost:$((8080 + offset))"
payara="$work/payara6"
wildfly="$work/wildfly-$(version wildfly.version)"
wildfly_cli=("$wildfly/bin/jboss-cli.sh" --connect "--controller=localhost:$((9990 + offset))")
payara_running=no
wildfly_running=no
declare -a timings=()

step() { printf '\n== %s  %s\n' "$(date +%T)" "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }
# The seconds since $1 (date +%s.%N), to one decimal.
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
require_free() {
  for port in "$@"; do free "$port" || fail "port $port is in use: choose another PORT_OFFSET"; done
}

stop_payara() {
  [ "$payara_running" = yes ] || return 0
  step "stop Payara"
  if ! "$payara/bin/asadmin" stop-domain hookline; then
    # A start that never finished has no admin listener to ask; its pid file says which process it is.
    pid_file="$payara/glassfish/domains/hookline/config/pid"
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" || true
  fi
  payara_running=no
}
stop_wildfly() {
  [ "$wildfly_running" = yes ] || return 0
  step "stop WildFly"
  if ! "${wildfly_cli[@]}" --command=:shutdown; then
    [ -f "$work/wildfly.pid" ] && kill "$(cat "$work/wildfly.pid")" || true
  fi
  wildfly_running=no
}
finish() {
  status=$?
  trap - EXIT INT TERM
  stop_payara || true
  stop_wildfly || true
  if [ ${#timings[@]} -gt 0 ]; then
    echo; echo "seconds per step:"; printf '  %s\n' "${timings[@]}"
  fi
  if [ "$status" -eq 0 ] && [ -z "${KEEP:-}" ]; then
    rm -rf "$work"
    echo "own-server check passed ($servers; database: $([ $postgres = yes ] && echo PostgreSQL || echo H2))"
  else
    echo "servers and logs kept in $work"
    [ "$status" -eq 0 ] || echo "own-server check FAILED" >&2
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

# A PostgreSQL schema of its own per server, empty, and the properties file both setup scripts take.
postgres_properties() {
  local schema="${pg_prefix}_$1" file="$work/postgres-$1.properties"
  PGPASSWORD="$pg_password" psql -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_database" \
    -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" >&2
  printf '%s\n' "pg.host=$pg_host" "pg.port=$pg_port" "pg.database=$pg_database" "pg.schema=$schema" \
    "pg.user=$pg_user" "pg.password=$pg_password" "pg.driver=$postgresql_jar" > "$file"
  echo "$file"
}

# Polls a URL until it answers 200, at most $2 seconds, while process $3 lives.
await_ok() {
  local url="$1" limit="$2" pid="$3" start=$SECONDS
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url")" = 200 ]; do
    [ $((SECONDS - start)) -lt "$limit" ] || fail "$url did not answer 200 within $limit s"
    kill -0 "$pid" 2>/dev/null || fail "the server ended while starting (see $work)"
    sleep 1
  done
}

# What every server must do once Hookline is deployed: README "Get a hook URL with three curl calls", verbatim.
check_hookline() {
  local server="$1" ping token channel hook code
  step "$server: check Hookline at $base/"
  ping="$(curl -s --max-time 10 "$base/api/v4/system/ping")"
  [ "$ping" = '{"status":"OK","database_status":"OK"}' ] || fail "$server: ping answered $ping"
  echo "ping: $ping"
  code="$(curl -s -L -o /dev/null -w '%{http_code}' --max-time 30 "$base/")"
  [ "$code" = 200 ] || fail "$server: GET / answered $code"
  token="$(curl -s --max-time 30 -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"login_id\":\"$admin\",\"password\":\"$password\"}" \
    "$base/api/v4/users/login" | awk 'tolower($1)=="token:" {print $2}' | tr -d '\r')"
  [ -n "$token" ] || fail "$server: the bootstrap admin cannot sign in"
  channel="$(curl -s --max-time 30 -H "Authorization: Bearer $token" \
    "$base/api/v4/teams/name/main/channels/name/town-square" | sed 's/.*"id":"\([a-z0-9]*\)".*/\1/')"
  [[ "$channel" =~ ^[a-z0-9]{26}$ ]] || fail "$server: no town-square channel ($channel)"
  hook="$(curl -s --max-time 30 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"channel_id\":\"$channel\",\"display_name\":\"own-server check\"}" \
    "$base/api/v4/hooks/incoming" | sed 's/.*"id":"\([a-z0-9]*\)".*/\1/')"
  [[ "$hook" =~ ^[a-z0-9]{26}$ ]] || fail "$server: no hook created ($hook)"
  echo "hook: $base/hooks/$hook"
  # The spec's two examples, byte for byte; the answer must be 200 and exactly the two bytes "ok".
  code="$(curl -s -o "$work/answer" -w '%{http_code}' --max-time 30 -X POST \
    -d 'payload={"text": "Hello, this is some text."}' "$base/hooks/$hook")"
  [ "$code" = 200 ] && [ "$(cat "$work/answer")" = ok ] && [ "$(wc -c < "$work/answer")" -eq 2 ] \
    || fail "$server: form example answered $code $(cat "$work/answer")"
  code="$(curl -s -o "$work/answer" -w '%{http_code}' --max-time 30 -X POST -H 'Content-Type: application/json' \
    -d '{"text": "Hello, this is some text."}' "$base/hooks/$hook")"
  [ "$code" = 200 ] && [ "$(cat "$work/answer")" = ok ] && [ "$(wc -c < "$work/answer")" -eq 2 ] \
    || fail "$server: JSON example answered $code $(cat "$work/answer")"
  echo "both spec examples: 200 ok"
  posts="$(curl -s --max-time 30 -H "Authorization: Bearer $token" "$base/api/v4/channels/$channel/posts")"
  [ "$(grep -o '"message":"Hello, this is some text."' <<< "$posts" | wc -l)" -eq 2 ] \
    || fail "$server: the two posts are not both in town-square: $posts"
  echo "town-square holds both posts"
}

check_payara() {
  local t0 t properties=""
  t0="$(date +%s.%N)"; t="$t0"
  step "Payara: unpack $(basename "$payara_zip")"
  unzip -q "$payara_zip" -d "$work"
  # Every port of the new domain moved by the offset (the same ports -Prun's domain.xml edit moves).
  require_free $((4848 + offset)) $((8080 + offset)) $((8181 + offset)) $((8686 + offset)) $((7676 + offset)) \
    $((3700 + offset)) $((3820 + offset)) $((3920 + offset)) $((6666 + offset))
  "$payara/bin/asadmin" create-domain --nopassword --domainproperties "$(printf '%s' \
    "domain.adminPort=$((4848 + offset)):domain.instancePort=$((8080 + offset)):http.ssl.port=$((8181 + offset)):" \
    "domain.jmxPort=$((8686 + offset)):jms.port=$((7676 + offset)):orb.listener.port=$((3700 + offset)):" \
    "orb.ssl.port=$((3820 + offset)):orb.mutualauth.port=$((3920 + offset)):java.debugger.port=$((9009 + offset)):" \
    "osgi.shell.telnet.port=$((6666 + offset)):hazelcast.das.port=$((4900 + offset)):hazelcast.start.port=$((5900 + offset))")" \
    hookline
  timings+=("payara  unpack + create domain  $(since "$t")"); t="$(date +%s.%N)"

  # README: the admin's commands, with the domain's name and admin port where asadmin takes them.
  export DOMAIN=hookline AS_ADMIN_PORT=$((4848 + offset))
  step "Payara: deploy/payara/setup.sh"
  if [ "$postgres" = yes ]; then properties="$(postgres_properties payara)"; fi
  payara_running=yes  # from here on the domain may run: setup.sh starts it for PostgreSQL
  bash "$repo/deploy/payara/setup.sh" "$payara" $properties
  timings+=("payara  setup.sh                $(since "$t")"); t="$(date +%s.%N)"

  step "Payara: start-domain, deploy"
  HOOKLINE_ADMIN_USERNAME="$admin" HOOKLINE_ADMIN_PASSWORD="$password" "$payara/bin/asadmin" start-domain hookline
  timings+=("payara  start-domain            $(since "$t")"); t="$(date +%s.%N)"
  "$payara/bin/asadmin" deploy "$ear"
  timings+=("payara  deploy                  $(since "$t")"); t="$(date +%s.%N)"

  check_hookline Payara
  timings+=("payara  checks                  $(since "$t")"); t="$(date +%s.%N)"
  stop_payara
  unset DOMAIN AS_ADMIN_PORT
  timings+=("payara  stop-domain             $(since "$t")")
  timings+=("payara  total                   $(since "$t0")")
}

check_wildfly() {
  local t0 t properties=""
  t0="$(date +%s.%N)"; t="$t0"
  step "WildFly: unpack $(basename "$wildfly_tgz")"
  tar xzf "$wildfly_tgz" -C "$work"
  step "WildFly: deploy/wildfly/setup.sh"
  if [ "$postgres" = yes ]; then properties="$(postgres_properties wildfly)"; fi
  bash "$repo/deploy/wildfly/setup.sh" "$wildfly" "$eclipselink_jar" $properties
  timings+=("wildfly unpack + setup.sh       $(since "$t")"); t="$(date +%s.%N)"

  step "WildFly: standalone.sh -Djboss.socket.binding.port-offset=$offset, deploy"
  require_free $((8080 + offset)) $((8443 + offset)) $((9990 + offset)) $((9993 + offset)) $((8009 + offset)) \
    $((4712 + offset)) $((4713 + offset))
  wildfly_running=yes
  HOOKLINE_ADMIN_USERNAME="$admin" HOOKLINE_ADMIN_PASSWORD="$password" \
    JBOSS_PIDFILE="$work/wildfly.pid" LAUNCH_JBOSS_IN_BACKGROUND=true \
    nohup "$wildfly/bin/standalone.sh" -Djboss.socket.binding.port-offset="$offset" \
    > "$work/wildfly-console.log" 2>&1 < /dev/null &
  # Base health on the management port (no authentication): ready once the server has booted.
  await_ok "http://localhost:$((9990 + offset))/health/ready" 180 $!
  timings+=("wildfly start                   $(since "$t")"); t="$(date +%s.%N)"
  "${wildfly_cli[@]}" --command="deploy $ear"
  timings+=("wildfly deploy                  $(since "$t")"); t="$(date +%s.%N)"

  check_hookline WildFly
  timings+=("wildfly checks                  $(since "$t")"); t="$(date +%s.%N)"
  stop_wildfly
  timings+=("wildfly shutdown                $(since "$t")")
  timings+=("wildfly total                   $(since "$t0")")
}

echo "EAR $ear"
echo "SHA-256 $(sha256sum "$ear" | cut -d' ' -f1)"
echo "work directory $work, port offset $offset, database $([ $postgres = yes ] && echo PostgreSQL || echo H2)"
for server in $servers; do
  case "$server" in
    payara) check_payara ;;
    wildfly) check_wildfly ;;
    *) fail "unknown server $server (payara, wildfly)" ;;
  esac
done
