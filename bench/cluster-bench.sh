#!/usr/bin/env bash
# Two nodes against one (issue 17): the hook throughput of the two-node Payara cluster of `mvn -Prun-cluster
# package` (nodes A and B, one PostgreSQL schema, one Hazelcast data grid holding the rate limits) measured
# against node A alone, in the same run on the same machine. See bench/README.md "Two nodes against one".
#
#   bench/cluster-bench.sh [options]
#
#   --hooks N            hooks created (on A) and rotated over (20)
#   --duration S         length of each measured round (15)
#   --rounds R           rounds of each kind, alternating one, two, one, two, ... so drift cancels (3)
#   --warmup S           warm-up before measuring: S seconds of both nodes under load at once, in 10 s rounds,
#                        then one 10 s round of A alone (180; 0 for none). Two JVMs JIT-compiling on two shared
#                        cores were still getting faster after 180 s; with 60 s the rounds drifted up by half
#   --connections C      wrk connections in all: C against A alone, C/2 against each node when both are loaded (8)
#   --threads T          wrk threads in all, split the same way (2)
#   --port-offset N      -Dport.offset of the cluster: A answers at 8080+N, B at 8081+N (3000)
#   --pools FILE|none    asadmin commands applied to both nodes before a restart of both (default
#                        bench/pools-2core.asadmin, as the hooks-bench.sh runs in bench/README.md; its pool
#                        HooklineBench is the nodes' HooklinePostgres); none keeps Payara's defaults
#
# One round "one node": wrk -tT -cC against A while B runs idle (as a standby node would). One round "two nodes":
# two wrk processes at once, -t(T/2) -c(C/2) each, one against A, one against B. Same requests as
# hooks-bench.sh (bench/hooks.lua, bench/payloads/*). After every round the posts stored in the schema must number
# at least the ok answers counted (and at most C more: requests in flight when wrk stopped).
#
# Needs JDK 17, Maven, wrk, curl, psql, and PostgreSQL reachable as PG_USER without a password (trust). Drops and
# creates the schema PG_SCHEMA in PG_DATABASE. The nodes are started by the run-cluster profile from this checkout's
# webhooks-ear/target/payara-cluster-run and stopped with the commands it prints, when the script ends, on
# failure and Ctrl-C too.
#
# Environment: MVN_FLAGS (default -o, offline), PG_HOST (127.0.0.1), PG_PORT (5432), PG_USER (postgres),
# PG_PASSWORD (postgres; the nodes' pool wants one even under trust), PG_DATABASE (test),
# PG_SCHEMA (hookline_bench_cluster). The nodes inherit the environment (run-cluster profile): for instance
# HOOKLINE_RATE_LIMIT_STORE=local keeps the rate limits in each node instead of the shared grid (the default, auto).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

hooks=20
duration=15
rounds=3
warmup=180
connections=8
threads=2
offset=3000
pools=$ROOT/bench/pools-2core.asadmin
while [ $# -gt 0 ]; do
    case "$1" in
        --hooks) hooks=$2; shift ;;
        --duration) duration=$2; shift ;;
        --rounds) rounds=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --connections) connections=$2; shift ;;
        --threads) threads=$2; shift ;;
        --port-offset) offset=$2; shift ;;
        --pools) if [ "$2" = none ]; then pools=; else pools=$(realpath "$2"); fi; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[ $((connections % 2)) = 0 ] && [ "$connections" -ge 2 ] || { echo "--connections must be even (half to each node)" >&2; exit 2; }
[ $((threads % 2)) = 0 ] && [ "$threads" -ge 2 ] || { echo "--threads must be even (half to each node)" >&2; exit 2; }
[ "$connections" -ge "$threads" ] || { echo "--connections must be at least --threads (wrk needs a connection per thread)" >&2; exit 2; }

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PG_PASSWORD=${PG_PASSWORD:-postgres}
PG_DATABASE=${PG_DATABASE:-test}
PG_SCHEMA=${PG_SCHEMA:-hookline_bench_cluster}
# The schema is dropped every run: refuse a name that could be someone's data (the run profile's own is "hookline").
[[ "$PG_SCHEMA" =~ ^[a-z_][a-z0-9_]*bench[a-z0-9_]*$ ]] || { echo "PG_SCHEMA must be a plain name containing 'bench' (it is dropped): $PG_SCHEMA" >&2; exit 2; }
PG=(-h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")
ADMIN_USER=benchadmin
ADMIN_PASSWORD=bench-admin-Secret-1
HTTP_A=$((8080 + offset))
HTTP_B=$((8081 + offset))
ADMIN_A=$((4848 + offset))
ADMIN_B=$((4849 + offset))
URL_A=http://127.0.0.1:$HTTP_A
URL_B=http://127.0.0.1:$HTTP_B
RUN_DIR=$ROOT/webhooks-ear/target/payara-cluster-run
ASADMIN=$RUN_DIR/payara6/bin/asadmin
DOMAINS=$RUN_DIR/payara6/glassfish/domains
PAYLOADS=("$ROOT/bench/payloads/build-break.form" "$ROOT/bench/payloads/plain-line.json" "$ROOT/bench/payloads/attachment.json")
WARMUP_ROUND=10
# Two servers loading Hookline at once on two cores take a while (StartRunCluster allows 240 s).
START_LIMIT=300
OUT=$ROOT/bench/target/cluster-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

say() { printf '\n== %s\n' "$*"; }
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

for tool in java mvn psql curl wrk ss; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
psql "${PG[@]}" -d "$PG_DATABASE" -Atc 'SELECT 1' >/dev/null || die "PostgreSQL does not answer at $PG_HOST:$PG_PORT/$PG_DATABASE as $PG_USER"
if ss -ltn 2>/dev/null | grep -qE ":($HTTP_A|$HTTP_B|$ADMIN_A|$ADMIN_B) "; then
    die "a port of the cluster ($HTTP_A, $HTTP_B, $ADMIN_A, $ADMIN_B) is taken: choose another --port-offset"
fi
# Nodes left running from this checkout would be redeployed into by the profile, on a schema dropped under them.
if [ -x "$ASADMIN" ] && "$ASADMIN" list-domains --domaindir "$DOMAINS" 2>/dev/null | grep -qE '^hookline-[ab] running'; then
    die "the cluster of this checkout still runs: $ASADMIN stop-domain --domaindir $DOMAINS hookline-a (and hookline-b)"
fi

# ---------------------------------------------------------------- stopping, whatever happens
stop_commands=()
starting=0
load_pids=()   # the two background wrk of a two-node round, while it runs
stop_cluster() {
    local pid
    for pid in "${load_pids[@]}"; do
        pkill -TERM -P "$pid" 2>/dev/null || true   # its wrk
        kill "$pid" 2>/dev/null || true
    done
    load_pids=()
    if [ "${#stop_commands[@]}" -eq 0 ] && [ "$starting" = 1 ] && [ -x "$ASADMIN" ]; then
        # Interrupted before the profile printed its stop commands: the same commands, for the nodes that run.
        for domain in hookline-a hookline-b; do
            if "$ASADMIN" list-domains --domaindir "$DOMAINS" 2>/dev/null | grep -qE "^$domain running(,|$)"; then
                stop_commands+=("$ASADMIN stop-domain --domaindir $DOMAINS $domain")
            fi
        done
    fi
    if [ "${#stop_commands[@]}" -gt 0 ]; then
        echo "stopping the nodes:"
        local pids=() command
        for command in "${stop_commands[@]}"; do
            echo "  $command"
            $command >/dev/null 2>&1 &
            pids+=($!)
        done
        for pid in "${pids[@]}"; do wait "$pid" || echo "a stop command failed: see the node's server.log" >&2; done
        for node in a b; do cp "$DOMAINS/hookline-$node/logs/server.log" "$OUT/server-$node.log" 2>/dev/null || true; done
        stop_commands=()
    fi
    starting=0
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- schema, build, start
say "schema $PG_SCHEMA in $PG_DATABASE (dropped and created afresh)"
psql "${PG[@]}" -d "$PG_DATABASE" -v ON_ERROR_STOP=1 -q -c 'SET client_min_messages TO warning' \
    -c "DROP SCHEMA IF EXISTS $PG_SCHEMA CASCADE" -c "CREATE SCHEMA $PG_SCHEMA"
psql_bench() { psql "${PG[@]}" -d "$PG_DATABASE" -v ON_ERROR_STOP=1 -Atq -c "SET search_path TO $PG_SCHEMA" "$@"; }

say "building and starting the two-node cluster: mvn -Prun-cluster package -Dport.offset=$offset -Dpg.schema=$PG_SCHEMA (output: $OUT/mvn.log)"
starting=1
started_at=$(date +%s)
# The run profile's servers inherit Maven's environment: the first start creates this admin.
# shellcheck disable=SC2086
if ! HOOKLINE_ADMIN_USERNAME=$ADMIN_USER HOOKLINE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    mvn -B -q ${MVN_FLAGS--o} -Prun-cluster package -pl webhooks-ear -am -DskipTests -DskipITs \
    -Dport.offset="$offset" -Dpg.host="$PG_HOST" -Dpg.port="$PG_PORT" -Dpg.user="$PG_USER" \
    -Dpg.password="$PG_PASSWORD" -Dpg.database="$PG_DATABASE" -Dpg.schema="$PG_SCHEMA" >"$OUT/mvn.log" 2>&1; then
    tail -40 "$OUT/mvn.log"
    die "mvn -Prun-cluster package failed (all of it: $OUT/mvn.log)"
fi
# The report's last lines: "  stop them:", then one command a line (the template's own stop earlier in the log is not one).
mapfile -t stop_commands < <(sed -n '/^  stop them:$/,/^---/ s/^ *\(\/.*\/asadmin stop-domain .*\)$/\1/p' "$OUT/mvn.log")
sed -n '/^Hookline runs on/,/^---/p' "$OUT/mvn.log"
[ "${#stop_commands[@]}" = 2 ] || die "the profile printed ${#stop_commands[@]} stop commands, not 2 (see $OUT/mvn.log)"
echo "built and started in $(($(date +%s) - started_at)) s"

await_ping() { # url
    local deadline=$((SECONDS + START_LIMIT))
    until curl -sf -o /dev/null "$1/api/v4/system/ping"; do
        [ "$SECONDS" -lt "$deadline" ] || die "$1 does not answer /api/v4/system/ping after $START_LIMIT s"
        sleep 2
    done
}
if [ -n "$pools" ]; then
    say "pool sizes from $pools on both nodes (pool HooklineBench there is HooklinePostgres here), restarting both"
    sed 's/\bHooklineBench\b/HooklinePostgres/g' "$pools" >"$OUT/pools.asadmin"
    for admin in "$ADMIN_A" "$ADMIN_B"; do
        "$ASADMIN" --port "$admin" multimode --file "$OUT/pools.asadmin" >/dev/null
    done
    "$ASADMIN" restart-domain --domaindir "$DOMAINS" hookline-a >/dev/null & restart_a=$!
    "$ASADMIN" restart-domain --domaindir "$DOMAINS" hookline-b >/dev/null & restart_b=$!
    wait "$restart_a" || die "restart of hookline-a failed"
    wait "$restart_b" || die "restart of hookline-b failed"
    await_ping "$URL_A"
    await_ping "$URL_B"
fi
PID_A=$(cat "$DOMAINS/hookline-a/config/pid")
PID_B=$(cat "$DOMAINS/hookline-b/config/pid")

# What each node says about its grid and its rate-limit store (Payara writes its log from a queue: wait a little).
# Payara logs "Payara Data Grid State: ... DG Name: hookline DG Size: 2" whenever a member joins or leaves.
grid_of() { grep -o 'DG Name: [^ ]* DG Size: [0-9]*' "$DOMAINS/hookline-$1/logs/server.log" | tail -1 | sed 's/DG Name: \([^ ]*\) DG Size: /\1, members: /'; }
store_of() { grep -o 'Hook rate limits are kept in .*' "$DOMAINS/hookline-$1/logs/server.log" | tail -1 | sed 's/ *\]\]$//; s/^Hook rate limits are kept in //'; }
for _ in $(seq 1 60); do
    [ -n "$(store_of a)" ] && [ -n "$(store_of b)" ] && [ "$(grid_of a)" = "hookline, members: 2" ] \
        && [ "$(grid_of b)" = "hookline, members: 2" ] && break
    sleep 1
done
for node in a b; do
    echo "node $node: data grid $(grid_of $node); rate limits in: $(store_of $node)"
done
[ "$(grid_of a)" = "hookline, members: 2" ] && [ "$(grid_of b)" = "hookline, members: 2" ] \
    || die "the nodes are not one data grid of two members (server.log: A $(grid_of a), B $(grid_of b))"

# ---------------------------------------------------------------- hooks through the REST API of node A
say "signing in on A, creating $hooks hooks, raising the rate limits"
token=$(curl -sf -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"login_id\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" \
    "$URL_A/api/v4/users/login" | awk 'tolower($1)=="token:" {print $2}' | tr -d '\r')
[ -n "$token" ] || die "could not sign in on A as $ADMIN_USER"
auth=(-H "Authorization: Bearer $token")
channel=$(curl -sf "${auth[@]}" "$URL_A/api/v4/teams/name/main/channels/name/town-square" \
    | sed 's/.*"id":"\([a-z2-7]*\)".*/\1/')
[ -n "$channel" ] || die "no town-square channel"
HOOKS_FILE=$OUT/hooks.txt
: >"$HOOKS_FILE"
for i in $(seq 1 "$hooks"); do
    curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
        -d "{\"channel_id\":\"$channel\",\"display_name\":\"bench $i\"}" "$URL_A/api/v4/hooks/incoming" \
        | sed 's/.*"id":"\([a-z2-7]*\)".*/\1/' >>"$HOOKS_FILE"
    echo >>"$HOOKS_FILE"
done
grep -cE '^[a-z2-7]{26}$' "$HOOKS_FILE" | grep -qx "$hooks" || die "hook creation failed: $(head -c 300 "$HOOKS_FILE")"
# As hooks-bench.sh: both buckets are checked on every request (here in the shared grid) but never refuse one.
curl -sf "${auth[@]}" -X PUT -H 'Content-Type: application/json' "$URL_A/api/v4/config/patch" -d '{"RateLimitSettings":
    {"Enable":true,"VaryByRemoteAddr":true,"PerSec":100000,"MaxBurst":1000000,"PerHookPerSec":100000,"PerHookMaxBurst":1000000}}' \
    >/dev/null || die "could not raise the rate limits"
# B learns of the change from the database (ClusterChanges polls every 250 ms): wait until its config says so.
for _ in $(seq 1 40); do
    curl -sf "${auth[@]}" "$URL_B/api/v4/config" | grep -q '"PerHookMaxBurst":1000000' && break
    sleep 0.5
done
curl -sf "${auth[@]}" "$URL_B/api/v4/config" | grep -q '"PerHookMaxBurst":1000000' || die "node B does not show the raised rate limits"
first_hook=$(head -1 "$HOOKS_FILE")
for url in "$URL_A" "$URL_B"; do
    [ "$(curl -sf -H 'Content-Type: application/json' -d '{"text":"cluster bench: hello"}' "$url/hooks/$first_hook")" = ok ] \
        || die "$url/hooks/$first_hook does not answer ok"
done

# ---------------------------------------------------------------- the record of the machine
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' || echo ' (with local changes)')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
    echo "load average before the runs: $(loadavg)"
    echo "java: $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); postgresql $(psql_bench -c 'SHOW server_version'), synchronous_commit=$(psql_bench -c 'SHOW synchronous_commit')"
    for node in a b; do
        admin=$ADMIN_A; [ "$node" = b ] && admin=$ADMIN_B
        get() { "$ASADMIN" --port "$admin" get "$1" 2>/dev/null | sed -n 's/.*=//p' | head -1; }
        echo "node $node ($([ "$node" = a ] && echo "$URL_A" || echo "$URL_B")): http-thread-pool min $(get configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size) max $(get configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size); jdbc pool steady $(get resources.jdbc-connection-pool.HooklinePostgres.steady-pool-size) max $(get resources.jdbc-connection-pool.HooklinePostgres.max-pool-size); data grid $(grid_of $node); rate limits in $(store_of $node)"
    done
    echo "HOOKLINE_RATE_LIMIT_STORE in the nodes' environment: ${HOOKLINE_RATE_LIMIT_STORE:-(not set: auto)}"
    echo "load: one node = wrk -t$threads -c$connections against A; two nodes = wrk -t$((threads / 2)) -c$((connections / 2)) against A and the same against B at once; $rounds rounds of each, $duration s, alternating; warm-up $warmup s; $hooks hooks"
} | tee "$OUT/machine.txt"

# ---------------------------------------------------------------- measuring
posts() { psql_bench -c 'SELECT count(*) FROM posts'; }
field() { sed -n "s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" "$1" | tail -1; }
cpu_ms() { awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$1/stat"; }
# Busy and total jiffies of the whole machine (busy = all but idle and iowait).
machine_jiffies() { awk '/^cpu / {t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t}' /proc/stat; }

check_durable() { # name stored ok allowance
    local name=$1 stored=$2 ok=$3 allowance=$4
    if [ "$stored" -lt "$ok" ]; then
        die "DURABILITY: $name answered $ok ok but only $stored posts are stored ($((ok - stored)) acknowledged posts missing)"
    elif [ "$stored" -gt $((ok + allowance)) ]; then
        die "DURABILITY: $name stored $stored posts for $ok ok answers, more than the $allowance requests that can be in flight at the end"
    fi
    echo "durability: $name: $ok ok, $stored posts stored (+$((stored - ok)) in flight at the end, at most $allowance allowed)"
}

wrk_at() { # url threads connections seconds file
    wrk -t"$2" -c"$3" -d"${4}s" --timeout 10s -s "$ROOT/bench/hooks.lua" "$1" \
        -- /hooks/ "$HOOKS_FILE" "${PAYLOADS[@]}" >"$5" 2>&1 || { cat "$5"; die "wrk against $1 failed"; }
    grep -q '^RESULT ' "$5" || { cat "$5"; die "wrk against $1 printed no RESULT line"; }
}

# One round: "one" (A alone, C connections) or "two" (A and B at once, C/2 each). Writes $OUT/NAME.result, one line
# "ROUND key=value ..." with the sums over both wrk processes, both JVMs' CPU, the machine's busy share.
round() { # name mode seconds
    local name=$1 mode=$2 seconds=$3 before after cpu_a cpu_b jiffies busy ok errors okps p50 p99 p99a p99b load
    before=$(posts)
    cpu_a=$(cpu_ms "$PID_A"); cpu_b=$(cpu_ms "$PID_B"); jiffies=$(machine_jiffies)
    if [ "$mode" = one ]; then
        wrk_at "$URL_A" "$threads" "$connections" "$seconds" "$OUT/$name-a.txt"
    else
        wrk_at "$URL_A" $((threads / 2)) $((connections / 2)) "$seconds" "$OUT/$name-a.txt" &
        local wrk_a=$!
        wrk_at "$URL_B" $((threads / 2)) $((connections / 2)) "$seconds" "$OUT/$name-b.txt" &
        local wrk_b=$!
        load_pids=("$wrk_a" "$wrk_b")
        wait "$wrk_a" || die "wrk against A failed in $name"
        wait "$wrk_b" || die "wrk against B failed in $name"
        load_pids=()
    fi
    cpu_a=$(($(cpu_ms "$PID_A") - cpu_a)); cpu_b=$(($(cpu_ms "$PID_B") - cpu_b))
    busy=$(machine_jiffies | awk -v b="${jiffies% *}" -v t="${jiffies#* }" '{printf "%.0f", (($2 - t) > 0 ? ($1 - b) * 100 / ($2 - t) : 0)}')
    load=$(cut -d' ' -f1 /proc/loadavg)
    after=$(posts)
    local files=("$OUT/$name-a.txt")
    [ "$mode" = two ] && files+=("$OUT/$name-b.txt")
    ok=0; errors=0; okps=0
    for file in "${files[@]}"; do
        ok=$((ok + $(field "$file" ok)))
        errors=$((errors + $(field "$file" non2xx) + $(field "$file" socket_errors)))
        okps=$(awk -v a="$okps" -v b="$(field "$file" ok_per_s)" 'BEGIN {printf "%.1f", a + b}')
    done
    p99a=$(field "$OUT/$name-a.txt" p99_us)
    p99b=$([ "$mode" = two ] && field "$OUT/$name-b.txt" p99_us || echo "")
    # Two wrk processes give two latency histograms, which wrk does not export: the worse node's p99 is an upper
    # bound of the p99 over both (at that latency both nodes' distributions are at 99 % or more).
    p99=$(( ${p99b:-0} > p99a ? ${p99b:-0} : p99a ))
    p50=$(field "$OUT/$name-a.txt" p50_us)
    [ "$mode" = two ] && p50=$(( ($(field "$OUT/$name-b.txt" p50_us) + p50) / 2 ))
    echo "ROUND name=$name mode=$mode ok=$ok errors=$errors ok_per_s=$okps ok_per_s_a=$(field "$OUT/$name-a.txt" ok_per_s) ok_per_s_b=$([ "$mode" = two ] && field "$OUT/$name-b.txt" ok_per_s || echo 0) p50_us=$p50 p99_us=$p99 p99_a_us=$p99a p99_b_us=${p99b:--} cpu_ms_a=$cpu_a cpu_ms_b=$cpu_b cpu_ms_per_ok=$(awk -v c=$((cpu_a + cpu_b)) -v n="$ok" 'BEGIN {printf "%.2f", (n > 0 ? c / n : 0)}') machine_busy_pct=$busy load1=$load" >"$OUT/$name.result"
    check_durable "$name" $((after - before)) "$ok" "$connections" >>"$OUT/$name.result"
    [ "$errors" = 0 ] || echo "WARNING: $name: $errors non-2xx answers or socket errors ($(grep -h 'first non-2xx' "${files[@]}" | head -1))" | tee -a "$OUT/$name.result"
}
describe() { # name
    local f=$OUT/$1.result
    printf '%-8s %-9s %7.0f ok/s (A %5.0f, B %5.0f)  p99 %6.1f ms  CPU A %5d ms, B %5d ms = %s ms/ok  machine %s %% busy  load %s\n' \
        "$1" "$(field "$f" mode) node$([ "$(field "$f" mode)" = two ] && echo s)" "$(field "$f" ok_per_s)" "$(field "$f" ok_per_s_a)" \
        "$(field "$f" ok_per_s_b)" "$(awk -v u="$(field "$f" p99_us)" 'BEGIN {print u / 1000}')" \
        "$(field "$f" cpu_ms_a)" "$(field "$f" cpu_ms_b)" "$(field "$f" cpu_ms_per_ok)" "$(field "$f" machine_busy_pct)" "$(field "$f" load1)"
    grep -E '^(durability|WARNING)' "$f" | sed 's/^/         /'
}

if [ "$warmup" -gt 0 ]; then
    say "warm-up: $warmup s of both nodes at once in $WARMUP_ROUND s rounds, then $WARMUP_ROUND s of A alone"
    elapsed=0; i=0
    while [ "$elapsed" -lt "$warmup" ]; do
        i=$((i + 1))
        round "warmup-$i" two "$WARMUP_ROUND"
        describe "warmup-$i"
        elapsed=$((elapsed + WARMUP_ROUND))
    done
    round warmup-a one "$WARMUP_ROUND"
    describe warmup-a
fi

say "measuring: $rounds rounds of each, $duration s, one node then two nodes, alternating"
for r in $(seq 1 "$rounds"); do
    sleep 2   # let the writers and the grid settle between rounds
    round "one-$r" one "$duration"; describe "one-$r"
    sleep 2
    round "two-$r" two "$duration"; describe "two-$r"
done

# ---------------------------------------------------------------- the table
echo "load average after the runs: $(loadavg)" | tee -a "$OUT/machine.txt"
# A failing rate-limit store lets requests through unchecked (HookRateLimiter logs it): those runs measured no store.
store_failures=$(cat "$DOMAINS"/hookline-[ab]/logs/server.log* 2>/dev/null | grep -c 'failed; hook requests pass unchecked' || true)
[ "$store_failures" = 0 ] || die "the rate-limit store failed during the runs ($store_failures times in the nodes' server.log: \"failed; hook requests pass unchecked\")"
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
values() { # mode key
    local r
    for r in $(seq 1 "$rounds"); do field "$OUT/$1-$r.result" "$2"; done
}
{
    echo
    echo "| round | nodes | ok/s | A ok/s | B ok/s | p99 ms | errors | ok | CPU ms/ok (A+B) | machine busy | load (1 min) |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for r in $(seq 1 "$rounds"); do
        for mode in one two; do
            f=$OUT/$mode-$r.result
            awk -v r="$r" -v mode="$mode" -v okps="$(field "$f" ok_per_s)" -v a="$(field "$f" ok_per_s_a)" \
                -v b="$(field "$f" ok_per_s_b)" -v p99="$(field "$f" p99_us)" -v p99a="$(field "$f" p99_a_us)" \
                -v p99b="$(field "$f" p99_b_us)" -v err="$(field "$f" errors)" -v n="$(field "$f" ok)" \
                -v cpu="$(field "$f" cpu_ms_per_ok)" -v busy="$(field "$f" machine_busy_pct)" -v ld="$(field "$f" load1)" \
                'BEGIN {printf "| %d | %s | %.0f | %.0f | %s | %s | %d | %d | %s | %s %% | %s |\n", r,
                    mode == "one" ? "A (B idle)" : "A + B", okps, a, mode == "one" ? "-" : sprintf("%.0f", b),
                    mode == "one" ? sprintf("%.1f", p99a / 1000) : sprintf("%.1f (A %.1f, B %.1f)", p99 / 1000, p99a / 1000, p99b / 1000),
                    err, n, cpu, busy, ld}'
        done
    done
    one=$(values one ok_per_s | median)
    two=$(values two ok_per_s | median)
    p99_one=$(values one p99_us | median)
    p99_two=$(values two p99_us | median)
    cpu_one=$(values one cpu_ms_per_ok | median)
    cpu_two=$(values two cpu_ms_per_ok | median)
    pairs=$(for r in $(seq 1 "$rounds"); do
        awk -v a="$(field "$OUT/two-$r.result" ok_per_s)" -v b="$(field "$OUT/one-$r.result" ok_per_s)" 'BEGIN {printf "%.2f\n", a / b}'
    done)
    echo
    echo "| medians of $rounds rounds | ok/s | p99 ms | CPU ms/ok (A+B) |"
    echo "|---|---:|---:|---:|"
    awk -v v="$one" -v p="$p99_one" -v c="$cpu_one" 'BEGIN {printf "| one node (A, B idle) | %.0f | %.1f | %s |\n", v, p / 1000, c}'
    awk -v v="$two" -v p="$p99_two" -v c="$cpu_two" 'BEGIN {printf "| two nodes (A + B) | %.0f | %.1f | %s |\n", v, p / 1000, c}'
    awk -v a="$two" -v b="$one" -v pa="$p99_two" -v pb="$p99_one" -v ca="$cpu_two" -v cb="$cpu_one" \
        'function r(x, y) { return y > 0 ? sprintf("%.2fx", x / y) : "-" }
         BEGIN {printf "| **two / one** | **%s** | %s | %s |\n", r(a, b), r(pa, pb), r(ca, cb)}'
    echo
    echo "two / one per round (round i's two-node run over its one-node run): $(echo "$pairs" | paste -sd' ') (median $(echo "$pairs" | median))"
    echo "p99 of a two-node round: the worse node's (an upper bound of the p99 over both). CPU ms/ok: CPU time of both"
    echo "nodes' JVMs (the idle B's too) per ok. machine busy: all cores, all processes (wrk, PostgreSQL, others)."
    echo "Every ok was checked against the stored posts."
    echo "outputs: $OUT"
} | tee "$OUT/table.md"
