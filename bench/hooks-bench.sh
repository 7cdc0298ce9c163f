#!/usr/bin/env bash
# Throughput and latency of POST /hooks/{id} on Payara + PostgreSQL, beside two yardsticks measured in the same
# run: a no-op JAX-RS endpoint in the same EAR (POST /hooks-noop/{id}, only in a -Pbench build) and pgbench
# inserting rows as wide as the hook's posts. Then a constant-rate run, and a check that every ok is a stored
# post. See bench/README.md.
#
#   bench/hooks-bench.sh [options]
#
#   --hooks N            hooks created and rotated over (20)
#   --duration S         length of each measured wrk and pgbench run (30)
#   --warmup S           warm-up against /hooks, then /hooks-noop, before measuring: at least S seconds each,
#                        in 10 s rounds until the server's CPU time per ok falls by less than 10 % (60)
#   --warmup-max S       ... and at most S seconds each; 0 for no warm-up (300)
#   --connections C      wrk connections = pgbench clients (8)
#   --threads T          wrk threads = pgbench threads (2)
#   --rate R             constant-rate run: requests per second (1000)
#   --rate-duration S    constant-rate run: seconds (60)
#   --rate-warmup S      constant-rate run: seconds sent at the rate before measuring, not measured (10)
#   --no-constant-rate   leave the constant-rate run out
#   --profile            one more run of --duration seconds against /hooks and one against /hooks-noop, each
#                        under JFR (settings=profile), summarised by bench/JfrProfile.java
#   --delivery-log N     ServiceSettings.HookDeliveryLogSize during the run (default: the server's, 100); 0 turns
#                        the delivery log off, to measure what it costs
#   --asadmin FILE       asadmin commands (one a line) applied to the domain before deploying, then a restart:
#                        pool sizes, JVM options ... to compare configurations
#   --rate-limit-stores LIST
#                        after all other runs, for each store in LIST (comma-separated: auto, local, cluster):
#                        set HOOKLINE_RATE_LIMIT_STORE in the domain's MicroProfile Config, reload the application
#                        (disable, enable: same JVM, no restart), check in server.log which store it chose, warm
#                        up, then measure /hooks-noop and /hooks again; rows "hook, STORE (reload i)" in the table
#   --compare-rate-limit-stores
#                        --rate-limit-stores local,auto: the grid's buckets against local ones, in one run
#
# Needs JDK 17, Maven, PostgreSQL reachable as PG_USER at PG_HOST:PG_PORT without a password (trust), its
# client tools (psql, createdb, dropdb, pgbench), and wrk (installed with apt-get when missing, as root).
# Creates (and drops first) the database BENCH_DB. Ports 8080 and 4848 must be free: the script starts its own
# Payara in webhooks-ear/target/payara-bench and stops it at the end, also on failure.
#
# Environment: MVN_FLAGS (default -o, offline; set MVN_FLAGS= where the local repository lacks something),
# PG_HOST (127.0.0.1), PG_PORT (5432), PG_USER (postgres), BENCH_DB (hookline_bench).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

hooks=20
duration=30
warmup=60
warmup_max=300
connections=8
threads=2
rate=1000
rate_duration=60
rate_warmup=10
constant_rate=1
profile=0
asadmin_file=
delivery_log=
rate_limit_stores=()
while [ $# -gt 0 ]; do
    case "$1" in
        --hooks) hooks=$2; shift ;;
        --duration) duration=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --warmup-max) warmup_max=$2; shift ;;
        --connections) connections=$2; shift ;;
        --threads) threads=$2; shift ;;
        --rate) rate=$2; shift ;;
        --rate-duration) rate_duration=$2; shift ;;
        --rate-warmup) rate_warmup=$2; shift ;;
        --no-constant-rate) constant_rate=0 ;;
        --profile) profile=1 ;;
        --asadmin) asadmin_file=$(realpath "$2"); shift ;;
        --delivery-log) delivery_log=$2; shift ;;
        --rate-limit-stores) IFS=, read -r -a rate_limit_stores <<<"$2"; shift ;;
        --compare-rate-limit-stores) rate_limit_stores=(local auto) ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

for store in "${rate_limit_stores[@]}"; do
    case "$store" in auto|local|cluster) ;; *) echo "--rate-limit-stores: $store is not auto, local or cluster" >&2; exit 2 ;; esac
done

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
BENCH_DB=${BENCH_DB:-hookline_bench}
PG=(-h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")
BASE=http://127.0.0.1:8080
ADMIN_USER=benchadmin
ADMIN_PASSWORD=bench-admin-Secret-1
PAYARA_DIR=$ROOT/webhooks-ear/target/payara-bench
ASADMIN=$PAYARA_DIR/payara6/bin/asadmin
DOMAIN_DIR=$PAYARA_DIR/payara6/glassfish/domains/domain1
PAYLOADS=("$ROOT/bench/payloads/build-break.form" "$ROOT/bench/payloads/plain-line.json" "$ROOT/bench/payloads/attachment.json")
# One post per request: a message longer than ServiceSettings.MaxPostSize (default 4000) would be split into
# several posts, and the durability check counts one post per ok.
MAX_PAYLOAD_CHARS=4000
# Constant-rate run: past this many requests waiting for an answer, the client counts further ones as errors
# instead of opening ever more connections (a second's worth at the default rate).
MAX_IN_FLIGHT=1000
# Warm-up rounds (see warm_up): their length, and how much the server CPU per ok may still fall between two.
WARMUP_ROUND=10
WARMUP_TOLERANCE_PERCENT=10
OUT=$ROOT/bench/target/run-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

# Progress: every step says how far into the run it starts ([+N s], bash's SECONDS) and long ones how long they took.
say() { printf '\n== [+%d s] %s\n' "$SECONDS" "$*"; }
took() { echo "   $1 in $((SECONDS - $2)) s"; } # what began-at
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
        die "wrk is missing and this is not root, so apt-get cannot install it: run 'sudo apt-get install wrk' (Debian's wrk 4.1.0) and start again"
    fi
    say "installing wrk (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
for tool in java jar jcmd mvn psql createdb dropdb pgbench curl; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
for payload in "${PAYLOADS[@]}"; do
    [ "$(wc -m <"$payload")" -lt "$MAX_PAYLOAD_CHARS" ] || die "$payload is not under $MAX_PAYLOAD_CHARS characters"
done
if ss -ltn 2>/dev/null | grep -qE ':(8080|4848) '; then
    die "something listens on port 8080 or 4848 already; this script starts its own Payara there"
fi
psql "${PG[@]}" -d postgres -Atc 'SELECT 1' >/dev/null || die "PostgreSQL does not answer at $PG_HOST:$PG_PORT as $PG_USER"

# ---------------------------------------------------------------- build
say "building the EAR with the bench profile (no-op endpoint), unpacking Payara into $PAYARA_DIR (Maven, quiet: 1 to 3 min)"
began=$SECONDS
rm -rf "$PAYARA_DIR"   # a pristine domain each run
# shellcheck disable=SC2086
mvn -q ${MVN_FLAGS--o} -Pbench package -pl webhooks-ear -am -DskipTests -DskipITs
took "built and unpacked" "$began"
EAR=$ROOT/webhooks-ear/target/hookline-bench.ear
jar tf "$ROOT/webhooks-web/target/webhooks-web-bench.war" | grep -q 'io/hookline/web/bench/NoopResource.class' \
    || die "the bench WAR has no NoopResource"

# ---------------------------------------------------------------- database and server
say "database $BENCH_DB (dropped and created afresh)"
dropdb "${PG[@]}" --if-exists --force "$BENCH_DB"
createdb "${PG[@]}" "$BENCH_DB"
psql_bench() { psql "${PG[@]}" -d "$BENCH_DB" -v ON_ERROR_STOP=1 -Atq "$@"; }

started=0
stop_server() {
    if [ "$started" = 1 ]; then
        echo "stopping Payara (asadmin stop-domain)"
        "$ASADMIN" stop-domain domain1 >/dev/null || echo "stop-domain failed: see $DOMAIN_DIR/logs/server.log" >&2
        cp "$DOMAIN_DIR/logs/server.log" "$OUT/server.log" 2>/dev/null || true
        started=0
    fi
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# The store the rate limiter uses is read at deployment (MicroProfile Config): an environment variable or a JVM
# option beats the domain's config source that --rate-limit-stores writes, so the switch works without them.
if [ "${#rate_limit_stores[@]}" -gt 0 ] && [ -n "${HOOKLINE_RATE_LIMIT_STORE:-}" ]; then
    echo "--rate-limit-stores: starting Payara without HOOKLINE_RATE_LIMIT_STORE=$HOOKLINE_RATE_LIMIT_STORE from the environment"
    unset HOOKLINE_RATE_LIMIT_STORE
fi
say "starting Payara with the bootstrap admin $ADMIN_USER"
started=1
began=$SECONDS
HOOKLINE_ADMIN_USERNAME=$ADMIN_USER HOOKLINE_ADMIN_PASSWORD=$ADMIN_PASSWORD "$ASADMIN" start-domain domain1 >/dev/null
took "started" "$began"
# Payara's pool wants a password property even where PostgreSQL trusts the connection.
"$ASADMIN" create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
    --restype javax.sql.DataSource \
    --property "user=$PG_USER:password=unused:serverName=$PG_HOST:portNumber=$PG_PORT:databaseName=$BENCH_DB" \
    HooklineBench >/dev/null
"$ASADMIN" ping-connection-pool HooklineBench >/dev/null
"$ASADMIN" set resources.jdbc-resource.jdbc/__default.pool-name=HooklineBench >/dev/null
if [ -n "$asadmin_file" ]; then
    say "applying $asadmin_file, restarting"
    began=$SECONDS
    "$ASADMIN" multimode --file "$asadmin_file"
    HOOKLINE_ADMIN_USERNAME=$ADMIN_USER HOOKLINE_ADMIN_PASSWORD=$ADMIN_PASSWORD "$ASADMIN" restart-domain domain1 >/dev/null
    took "applied and restarted" "$began"
fi

# ---------------------------------------------------------------- which rate-limit store the application chose
SERVER_LOG=$DOMAIN_DIR/logs/server.log
log_mark() { stat -c '%i %s' "$SERVER_LOG"; }
# The store HookRateLimiter chose at deployment, from its INFO line ("Hook rate limits are kept in ...") written
# since the mark. The access log writes a line per hook request to server.log, which Payara rotates, hence the mark
# rather than the last such line of the file.
store_logged_since() { # mark
    local inode=${1% *} size=${1#* } text line
    for _ in $(seq 1 30); do
        if [ "$(stat -c %i "$SERVER_LOG")" = "$inode" ] && [ "$(stat -c %s "$SERVER_LOG")" -ge "$size" ]; then
            text=$(tail -c +"$((size + 1))" "$SERVER_LOG")
        else
            text=$(cat "$SERVER_LOG")
        fi
        line=$(printf '%s\n' "$text" | grep -o 'Hook rate limits are kept in .*' | tail -1 | sed 's/ *\]\]$//')
        if [ -n "$line" ]; then
            echo "${line#Hook rate limits are kept in }"
            return
        fi
        sleep 1   # Payara writes its log from a queue
    done
    echo "nothing logged"
}
# A failing store lets requests through unchecked (HookRateLimiter logs that at most once a minute): a run
# measured so has measured no store at all.
store_failures() { cat "$DOMAIN_DIR"/logs/server.log* 2>/dev/null | grep -c 'failed; hook requests pass unchecked' || true; }
check_store_held() { # name failures-before
    [ "$(store_failures)" = "$2" ] || die "the rate-limit store failed during $1 (server.log: \"failed; hook requests pass unchecked\"): requests went through unchecked"
}

say "deploying $EAR"
mark=$(log_mark)
began=$SECONDS
"$ASADMIN" deploy --name hookline "$EAR" >/dev/null
took "deployed" "$began"
curl -sf "$BASE/api/v4/system/ping" >/dev/null || die "Hookline does not answer $BASE/api/v4/system/ping"
PAYARA_PID=$(cat "$DOMAIN_DIR/config/pid")
deployed_store=$(store_logged_since "$mark")
echo "hook rate limits: $deployed_store"

# ---------------------------------------------------------------- hooks through the REST API
say "creating $hooks hooks, raising the rate limits"
token=$(curl -sf -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"login_id\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" \
    "$BASE/api/v4/users/login" | awk 'tolower($1)=="token:" {print $2}' | tr -d '\r')
[ -n "$token" ] || die "could not sign in as $ADMIN_USER"
auth=(-H "Authorization: Bearer $token")
channel=$(curl -sf "${auth[@]}" "$BASE/api/v4/teams/name/main/channels/name/town-square" \
    | sed 's/.*"id":"\([a-z2-7]*\)".*/\1/')
[ -n "$channel" ] || die "no town-square channel"
HOOKS_FILE=$OUT/hooks.txt
: >"$HOOKS_FILE"
for i in $(seq 1 "$hooks"); do
    curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
        -d "{\"channel_id\":\"$channel\",\"display_name\":\"bench $i\"}" "$BASE/api/v4/hooks/incoming" \
        | sed 's/.*"id":"\([a-z2-7]*\)".*/\1/' >>"$HOOKS_FILE"
    echo >>"$HOOKS_FILE"
done
grep -cE '^[a-z2-7]{26}$' "$HOOKS_FILE" | grep -qx "$hooks" || die "hook creation failed: $(head -c 300 "$HOOKS_FILE")"
# High enough that the limiter is checked on every request (its cost stays in the figures) but never refuses.
curl -sf "${auth[@]}" -X PUT -H 'Content-Type: application/json' "$BASE/api/v4/config/patch" -d '{"RateLimitSettings":
    {"Enable":true,"VaryByRemoteAddr":true,"PerSec":100000,"MaxBurst":1000000,"PerHookPerSec":100000,"PerHookMaxBurst":1000000}}' \
    >/dev/null || die "could not raise the rate limits"
if [ -n "$delivery_log" ]; then
    curl -sf "${auth[@]}" -X PUT -H 'Content-Type: application/json' "$BASE/api/v4/config/patch" \
        -d "{\"ServiceSettings\":{\"HookDeliveryLogSize\":$delivery_log}}" >/dev/null \
        || die "could not set HookDeliveryLogSize to $delivery_log"
fi

# ---------------------------------------------------------------- the machine and the server, for the record
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
    echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(pgbench --version)"
    echo "postgresql: $(psql_bench -c 'SHOW server_version'), synchronous_commit=$(psql_bench -c 'SHOW synchronous_commit'), fsync=$(psql_bench -c 'SHOW fsync')"
    get() { "$ASADMIN" get "$1" 2>/dev/null | sed -n 's/.*=//p' | head -1; }
    echo "payara: http-thread-pool min $(get configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size) max $(get configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size); jdbc pool steady $(get resources.jdbc-connection-pool.HooklineBench.steady-pool-size) max $(get resources.jdbc-connection-pool.HooklineBench.max-pool-size); jvm $("$ASADMIN" list-jvm-options 2>/dev/null | grep -E '^-Xm[sx]|^-XX:\+Use.*GC' | tr '\n' ' ')"
    echo "rate-limit store at deployment (server.log): $deployed_store"
    echo "load: wrk -t$threads -c$connections, pgbench -c$connections -j$threads, $duration s each after a warm-up of $warmup to $warmup_max s; $hooks hooks; payloads $(for p in "${PAYLOADS[@]}"; do printf '%s (%d B) ' "$(basename "$p")" "$(wc -c <"$p")"; done)"
} | tee "$OUT/machine.txt"

# ---------------------------------------------------------------- runs
posts() { psql_bench -c 'SELECT count(*) FROM posts'; }
field() { sed -n "s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" "$1" | tail -1; }

# Every ok must be a stored post. Requests still in flight when wrk stops may be stored without wrk
# counting their answer: at most one per connection. Fewer posts than oks is a lost acknowledged post.
check_durable() { # name stored ok allowance
    local name=$1 stored=$2 ok=$3 allowance=$4
    if [ "$stored" -lt "$ok" ]; then
        die "DURABILITY: $name answered $ok ok but only $stored posts are stored ($((ok - stored)) acknowledged posts missing)"
    elif [ "$stored" -gt $((ok + allowance)) ]; then
        die "DURABILITY: $name stored $stored posts for $ok ok answers, more than the $allowance requests that can be in flight at the end"
    fi
    echo "durability: $name: $ok ok answers, $stored posts stored (+$((stored - ok)) in flight at the end, at most $allowance allowed)"
}

# CPU time Payara's JVM used (user + system, ms): per ok answer, it depends less on what else the shared machine
# runs than throughput does.
server_cpu_ms() { awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$PAYARA_PID/stat"; }
note_server_cpu() { # file cpu-ms-before
    local used=$(($(server_cpu_ms) - $2)) ok
    ok=$(field "$1" ok)
    echo "SERVER cpu_ms=$used cpu_ms_per_ok=$(awk -v u="$used" -v n="$ok" 'BEGIN {printf "%.2f", (n > 0 ? u / n : 0)}')" >>"$1"
}

wrk_run() { # name prefix seconds -> $OUT/name.txt
    local name=$1 prefix=$2 seconds=$3 cpu
    cpu=$(server_cpu_ms)
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$ROOT/bench/hooks.lua" "$BASE" \
        -- "$prefix" "$HOOKS_FILE" "${PAYLOADS[@]}" >"$OUT/$name.txt"
    note_server_cpu "$OUT/$name.txt" "$cpu"
    grep -E '^(RESULT|SERVER|first non-2xx)' "$OUT/$name.txt" | sed "s/^/$name: /"
}

hook_run() { # name seconds: a wrk run against /hooks with the durability check
    local name=$1 seconds=$2 before after failures
    before=$(posts)
    failures=$(store_failures)
    wrk_run "$name" /hooks/ "$seconds"
    after=$(posts)
    check_durable "$name" $((after - before)) "$(field "$OUT/$name.txt" ok)" "$connections"
    check_store_held "$name" "$failures"
}

# The JIT keeps compiling the hook path for minutes on two shared cores (JFR shows the C2 compiler thread busy
# long after the first minute), and a run measured meanwhile is slower the earlier it comes. So the warm-up goes
# on in rounds until the server's CPU time per ok stops falling.
warm_up() { # name prefix
    local name=$1 prefix=$2 elapsed=0 round=0 previous="" current file
    while [ "$elapsed" -lt "$warmup_max" ]; do
        round=$((round + 1))
        file=$OUT/$name-$round.txt
        if [ "$prefix" = /hooks/ ]; then hook_run "$name-$round" "$WARMUP_ROUND" >/dev/null; else wrk_run "$name-$round" "$prefix" "$WARMUP_ROUND" >/dev/null; fi
        elapsed=$((elapsed + WARMUP_ROUND))
        current=$(field "$file" cpu_ms_per_ok)
        echo "[+$SECONDS s] $name round $round ($elapsed of at most $warmup_max s): $(field "$file" ok_per_s) ok/s, $current server CPU ms per ok"
        if [ "$elapsed" -ge "$warmup" ] && [ -n "$previous" ] && awk -v a="$previous" -v b="$current" \
            -v tolerance="$WARMUP_TOLERANCE_PERCENT" 'BEGIN {exit !(a > 0 && (a - b) / a * 100 < tolerance)}'; then
            return
        fi
        previous=$current
    done
    echo "$name: still not steady after $warmup_max s; measuring anyway"
}

if [ "$warmup_max" -gt 0 ]; then
    say "warm-up: rounds of $WARMUP_ROUND s against /hooks, then /hooks-noop, each until its server CPU per ok falls by less than $WARMUP_TOLERANCE_PERCENT % (at least $warmup s, at most $warmup_max s)"
    warm_up warmup-hook /hooks/
    warm_up warmup-noop /hooks-noop/
fi

say "no-op endpoint: POST /hooks-noop/{id}, $duration s"
wrk_run noop /hooks-noop/ "$duration"

say "hooks: POST /hooks/{id}, $duration s"
hook_run hook "$duration"

say "pgbench: single-row INSERTs as wide as the hook's posts, $duration s"
# A table like posts (columns, primary key, index, the two foreign keys) and one INSERT script per payload with
# the exact message, type and props the hook stored for it.
psql_bench <<'SQL'
DROP TABLE IF EXISTS bench_posts;
CREATE TABLE bench_posts (LIKE posts INCLUDING ALL);
ALTER TABLE bench_posts ADD FOREIGN KEY (channel_id) REFERENCES channels (id), ADD FOREIGN KEY (user_id) REFERENCES users (id);
SQL
pgbench_files=()
for kind in build-break plain-line attachment; do
    case $kind in
        build-break) where="message LIKE '%Build Break%'" ;;
        plain-line) where="message = 'Hello, this is some text.'" ;;
        attachment) where="type = 'slack_attachment'" ;;
    esac
    # Simple query protocol and no pgbench variables: the literals hold ':' (emoji shortcodes, JSON), which
    # pgbench's prepared mode would take for variables.
    psql_bench -c "SELECT format('INSERT INTO bench_posts (id, channel_id, user_id, root_id, message, type, props,'
        ' create_at, update_at, edit_at, delete_at) VALUES (substr(md5(random()::text), 1, 26), %L, %L, %L, %L, %L, %L,'
        ' (extract(epoch FROM clock_timestamp()) * 1000)::bigint, (extract(epoch FROM clock_timestamp()) * 1000)::bigint, 0, 0);',
        channel_id, user_id, root_id, message, type, props) FROM posts WHERE $where LIMIT 1" >"$OUT/pgbench-$kind.sql"
    grep -q INSERT "$OUT/pgbench-$kind.sql" || die "no stored post for the $kind payload to copy"
    pgbench_files+=(-f "$OUT/pgbench-$kind.sql@1")
done
mkdir -p "$OUT/pgbench-log"
pgbench "${PG[@]}" -n -M simple -c "$connections" -j "$threads" -T "$duration" "${pgbench_files[@]}" \
    -l --log-prefix="$OUT/pgbench-log/tx" "$BENCH_DB" >"$OUT/pgbench.txt" 2>&1 || { cat "$OUT/pgbench.txt"; die "pgbench failed"; }
pg_ok=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$OUT/pgbench.txt")
pg_failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$OUT/pgbench.txt")
pg_tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$OUT/pgbench.txt")
# The per-transaction logs: "client tx latency_us script epoch epoch_us".
cat "$OUT"/pgbench-log/tx* | awk '{print $3}' | sort -n >"$OUT/pgbench-latencies.txt"
pct() { awk -v p="$2" '{v[NR]=$1} END {r=int(p/100*NR); if (r<p/100*NR) r++; if (r<1) r=1; print v[r]+0}' "$1"; }
pg_rows=$(psql_bench -c 'SELECT count(*) FROM bench_posts')
[ "$pg_rows" = "$pg_ok" ] || die "pgbench reports $pg_ok transactions but bench_posts holds $pg_rows rows"
printf 'RESULT requests=%d ok=%d non2xx=%d socket_errors=0 seconds=%d ok_per_s=%s p50_us=%d p99_us=%d p999_us=%d max_us=%d\n' \
    "$((pg_ok + ${pg_failed:-0}))" "$pg_ok" "${pg_failed:-0}" "$duration" "$pg_tps" \
    "$(pct "$OUT/pgbench-latencies.txt" 50)" "$(pct "$OUT/pgbench-latencies.txt" 99)" \
    "$(pct "$OUT/pgbench-latencies.txt" 99.9)" "$(tail -1 "$OUT/pgbench-latencies.txt")" >"$OUT/pgbench.result"
sed 's/^/pgbench: /' "$OUT/pgbench.result"
psql_bench -c 'DROP TABLE bench_posts'

recorded() { # name seconds command...: runs the command while JFR records the server, then summarises
    local name=$1 seconds=$2
    shift 2
    jcmd "$PAYARA_PID" JFR.start name="$name" settings=profile duration="${seconds}s" filename="$OUT/$name.jfr" >/dev/null
    "$@"
    for _ in $(seq 1 60); do
        jcmd "$PAYARA_PID" JFR.check name="$name" 2>/dev/null | grep -q "name=$name" || break
        sleep 1
    done
    [ -s "$OUT/$name.jfr" ] || die "no JFR recording in $OUT/$name.jfr"
    java "$ROOT/bench/JfrProfile.java" "$OUT/$name.jfr" >"$OUT/$name-profile.txt"
    echo "profile summary: $OUT/$name-profile.txt (recording: $OUT/$name.jfr)"
}

if [ "$profile" = 1 ]; then
    say "profiles: $duration s against /hooks, then /hooks-noop, each under JFR (not in the table)"
    recorded profile-hook "$duration" hook_run profile-hook "$duration"
    recorded profile-noop "$duration" wrk_run profile-noop /hooks-noop/ "$duration"
fi

if [ "$constant_rate" = 1 ]; then
    say "constant rate: $rate req/s to /hooks for $rate_duration s"
    before=$(posts)
    cpu=$(server_cpu_ms)
    java "$ROOT/bench/ConstantRate.java" --url "$BASE/hooks/" --hooks "$HOOKS_FILE" --rate "$rate" \
        --duration "$rate_duration" --warmup "$rate_warmup" --max-in-flight "$MAX_IN_FLIGHT" "${PAYLOADS[@]}" | tee "$OUT/constant-rate.txt"
    note_server_cpu "$OUT/constant-rate.txt" "$cpu"
    after=$(posts)
    # The client waits for every answer: only requests sent but not answered ok may be stored unseen.
    # The calibration's posts are stored too.
    check_durable constant-rate $((after - before)) \
        $(($(field "$OUT/constant-rate.txt" ok) + $(field "$OUT/constant-rate.txt" warmup_ok))) \
        $(($(field "$OUT/constant-rate.txt" unconfirmed) + $(field "$OUT/constant-rate.txt" warmup_unconfirmed)))
fi

# ---------------------------------------------------------------- other rate-limit stores, same JVM
# The store is chosen when the application starts, so each store gets a reload of the application rather than a
# restart of the server: the JVM, Payara's modules and the JIT's work on them stay; Hookline's classes are loaded
# afresh and warmed up again. Each store's /hooks run has a no-op run beside it, both after that reload.
store_runs=()
if [ "${#rate_limit_stores[@]}" -gt 0 ]; then
    index=0
    for store in "${rate_limit_stores[@]}"; do
        index=$((index + 1))
        say "rate-limit store $store (reload $index): HOOKLINE_RATE_LIMIT_STORE=$store in the domain's config, application disabled and enabled"
        mark=$(log_mark)
        "$ASADMIN" set-config-property --source domain --propertyName HOOKLINE_RATE_LIMIT_STORE --propertyValue "$store" >/dev/null
        "$ASADMIN" disable hookline >/dev/null
        "$ASADMIN" enable hookline >/dev/null
        curl -sf "$BASE/api/v4/system/ping" >/dev/null || die "Hookline does not answer after the reload"
        chosen=$(store_logged_since "$mark")
        echo "hook rate limits: $chosen"
        # auto is the grid on Payara (its Hazelcast is on by default); a JVM option or an environment variable
        # HOOKLINE_RATE_LIMIT_STORE would beat the domain's config source and keep the store from changing.
        case "$store:$chosen" in
            local:local\ buckets*|auto:JCache*|cluster:JCache*) ;;
            *) die "HOOKLINE_RATE_LIMIT_STORE=$store, but the application says its rate limits are kept in: $chosen" ;;
        esac
        echo "rate-limit store, reload $index ($store): $chosen" >>"$OUT/machine.txt"
        if [ "$warmup_max" -gt 0 ]; then
            warm_up "warmup-hook-$index-$store" /hooks/
            warm_up "warmup-noop-$index-$store" /hooks-noop/
        fi
        wrk_run "noop-$index-$store" /hooks-noop/ "$duration"
        hook_run "hook-$index-$store" "$duration"
        store_runs+=("$index-$store")
    done
fi

# ---------------------------------------------------------------- the table
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
errors_of() { # file: non-2xx answers + socket errors (wrk), or all errors (constant rate)
    local e
    e=$(field "$1" errors)
    [ -n "$e" ] || e=$(($(field "$1" non2xx) + $(field "$1" socket_errors)))
    echo "$e"
}
row() { # label file
    awk -v label="$1" -v okps="$(field "$2" ok_per_s)" -v p50="$(field "$2" p50_us)" -v p99="$(field "$2" p99_us)" \
        -v p999="$(field "$2" p999_us)" -v max="$(field "$2" max_us)" -v err="$(errors_of "$2")" -v n="$(field "$2" ok)" \
        -v cpu="$(field "$2" cpu_ms_per_ok)" \
        'BEGIN {printf "| %-30s | %9.0f | %8.2f | %8.2f | %8.2f | %8.1f | %6d | %9d | %8s |\n", label, okps, p50/1000, p99/1000, p999/1000, max/1000, err, n, cpu == "" ? "-" : cpu}'
}
ratio() { # label file-a file-b
    local cpu
    cpu=$(awk -v a="$(field "$2" cpu_ms_per_ok)" -v b="$(field "$3" cpu_ms_per_ok)" 'BEGIN {if (a != "" && b > 0) printf "%.2fx", a / b}')
    awk -v label="$1" -v cpu="$cpu" -v a="$(field "$2" ok_per_s)" -v b="$(field "$3" ok_per_s)" \
        -v a50="$(field "$2" p50_us)" -v b50="$(field "$3" p50_us)" -v a99="$(field "$2" p99_us)" -v b99="$(field "$3" p99_us)" \
        -v a999="$(field "$2" p999_us)" -v b999="$(field "$3" p999_us)" \
        'function r(x, y) { return y > 0 ? x / y : 0 }
         BEGIN {printf "| %-30s | %8.2fx | %7.1fx | %7.1fx | %7.1fx |          |        |           | %8s |\n", label, r(a, b), r(a50, b50), r(a99, b99), r(a999, b999), cpu}'
}
{
    echo
    echo "| run                            |      ok/s |   p50 ms |   p99 ms | p99.9 ms |   max ms | errors |        ok | CPU ms/ok |"
    echo "|--------------------------------|----------:|---------:|---------:|---------:|---------:|-------:|----------:|---------:|"
    row "hook (wrk, $connections conn.)" "$OUT/hook.txt"
    row "no-op (wrk, $connections conn.)" "$OUT/noop.txt"
    row "pgbench INSERT ($connections clients)" "$OUT/pgbench.result"
    [ "$constant_rate" = 1 ] && row "hook at $rate/s constant" "$OUT/constant-rate.txt"
    ratio "hook / no-op" "$OUT/hook.txt" "$OUT/noop.txt"
    ratio "hook / pgbench" "$OUT/hook.txt" "$OUT/pgbench.result"
    for run in "${store_runs[@]}"; do
        row "hook, ${run#*-} (reload ${run%%-*})" "$OUT/hook-$run.txt"
        row "no-op (reload ${run%%-*})" "$OUT/noop-$run.txt"
        ratio "hook / no-op (reload ${run%%-*})" "$OUT/hook-$run.txt" "$OUT/noop-$run.txt"
    done
    for run in "${store_runs[@]:1}"; do
        ratio "hook ${run#*-} / hook ${store_runs[0]#*-} (${run%%-*}/${store_runs[0]%%-*})" "$OUT/hook-$run.txt" "$OUT/hook-${store_runs[0]}.txt"
    done
    echo
    echo "rate-limit store of the rows above the reloads: $deployed_store"
    echo "errors = non-2xx answers + socket errors (constant rate: non-ok answers, failures, timeouts, requests not sent"
    echo "because $MAX_IN_FLIGHT were in flight); CPU ms/ok = CPU time of Payara's JVM during the run per ok answer (both cores"
    echo "count). Every hook ok was checked against the stored posts."
    echo "outputs: $OUT"
} | tee "$OUT/table.md"
