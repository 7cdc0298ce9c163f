#!/usr/bin/env bash
# Before and after, in one run on one machine: Hookline at REF against this working tree, each measured twice:
# on a STOCK Payara domain as a newcomer gets it (fresh unzip, default 5 HTTP threads, embedded H2, no tuning):
# GET /api/v4/system/ping and POST /hooks/{id}; and TUNED, by bench/hooks-bench.sh with bench/pools-2core.asadmin
# (PostgreSQL): the hook against the no-op endpoint. One table of both sides and after / before. See bench/README.md.
#
#   bench/compare.sh --before REF [options]
#
#   --before REF         the commit (or branch, tag, HEAD~3 ...) to compare the working tree with; required
#   --duration S         length of each measured wrk run, stock and tuned (30)
#   --warmup S           stock: S seconds of wrk against /hooks, then S against ping, not measured; tuned: hooks-bench.sh's
#                        --warmup (at least S seconds each, in 10 s rounds until the CPU per ok stops falling) (60)
#   --warmup-max S       tuned: hooks-bench.sh's --warmup-max (3 x --warmup)
#   --hooks N            hooks created on each stock domain and rotated over (5); the tuned runs use hooks-bench.sh's 20
#   --connections C      wrk connections, stock and tuned (8)
#   --threads T          wrk threads, stock and tuned (2)
#   --pools FILE         asadmin file of the tuned runs (bench/pools-2core.asadmin)
#   --no-setup           stock: deploy into the bare unzipped domain, without the tree's deploy/payara/setup.sh
#   --no-tuned           leave the tuned runs out (stock rows only)
#
# Run it under the locks every Payara user on this machine holds (it starts servers on 8080 and 4848, one at a time,
# and calls bench/hooks-bench.sh, which must not lock them again):
#   flock /tmp/hookline-bench.lock flock /tmp/hookline-payara.lock bench/compare.sh --before HEAD~3
#
# REF is checked out with `git worktree add --detach` into a temporary directory, removed at the end (also on failure
# and Ctrl-C). Both sides are measured with THIS tree's bench/ scripts (copied over REF's), so only Hookline differs.
# Needs what hooks-bench.sh needs, plus unzip and Payara's zip in the local Maven repository (any build of this
# project downloads it). Environment: MVN_FLAGS (default -o, offline, as hooks-bench.sh), and hooks-bench.sh's PG_*.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

before_ref=
duration=30
warmup=60
warmup_max=
hooks=5
connections=8
threads=2
pools=$ROOT/bench/pools-2core.asadmin
setup=1
tuned=1
while [ $# -gt 0 ]; do
    case "$1" in
        --before) before_ref=$2; shift ;;
        --duration) duration=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --warmup-max) warmup_max=$2; shift ;;
        --hooks) hooks=$2; shift ;;
        --connections) connections=$2; shift ;;
        --threads) threads=$2; shift ;;
        --pools) pools=$(realpath "$2"); shift ;;
        --no-setup) setup=0 ;;
        --no-tuned) tuned=0 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[ -n "$before_ref" ] || { echo "--before REF is required (see --help)" >&2; exit 2; }
warmup_max=${warmup_max:-$((3 * warmup))}

BASE=http://127.0.0.1:8080
ADMIN_USER=benchadmin
ADMIN_PASSWORD=bench-admin-Secret-1
PLAIN_LINE=$ROOT/bench/payloads/plain-line.json
OUT=$ROOT/bench/target/compare-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

say() { printf '\n== [+%d s] %s\n' "$SECONDS" "$*"; }
took() { echo "   $1 in $((SECONDS - $2)) s"; } # what began-at
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- checks
for tool in git java mvn wrk curl unzip; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
[ -f "$pools" ] || die "no asadmin file $pools"
if ss -ltn 2>/dev/null | grep -qE ':(8080|4848) '; then
    die "something listens on port 8080 or 4848 already; this script starts its own Payara there"
fi
before_sha=$(git rev-parse --verify --quiet "$before_ref^{commit}") || die "$before_ref is no commit"
after_sha=$(git rev-parse HEAD)
after_label="$(git rev-parse --short HEAD)"
[ -z "$(git status --porcelain --untracked-files=no)" ] || after_label="$after_label + uncommitted changes"
before_label="$before_ref = $(git rev-parse --short "$before_sha")"

# ---------------------------------------------------------------- clean-up: the stock domain, the REF worktree
TMP=$(mktemp -d /tmp/hookline-compare.XXXXXX)
BEFORE_TREE=$TMP/before
stock_asadmin=
stock_domain=
stock_out=
cleanup() {
    if [ -n "$stock_asadmin" ]; then
        echo "stopping the stock Payara (asadmin stop-domain)"
        "$stock_asadmin" stop-domain domain1 >/dev/null || echo "stop-domain failed: see $stock_domain/logs/server.log" >&2
        cp "$stock_domain/logs/server.log" "$stock_out/server.log" 2>/dev/null || true
        stock_asadmin=
    fi
    if [ -d "$BEFORE_TREE" ]; then
        echo "removing the worktree of $before_ref ($BEFORE_TREE)"
        git worktree remove --force "$BEFORE_TREE" || echo "could not remove the worktree $BEFORE_TREE" >&2
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "before: $before_label ($before_sha)"
    echo "after: the working tree at $after_label ($after_sha)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
    echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "load: wrk -t$threads -c$connections, $duration s per run; stock warm-up $warmup s per endpoint, $hooks hooks;" \
        "tuned: hooks-bench.sh --asadmin $(basename "$pools") --warmup $warmup --warmup-max $warmup_max --no-constant-rate"
} | tee "$OUT/machine.txt"

# ---------------------------------------------------------------- the two EARs
say "checking out $before_label into $BEFORE_TREE (git worktree), with this tree's bench/ scripts"
git worktree add --detach -q "$BEFORE_TREE" "$before_sha"
# The same measuring scripts on both sides: REF's bench/ is replaced by this tree's (its target/ left out).
rm -rf "$BEFORE_TREE/bench"
tar -C "$ROOT" --exclude=bench/target -cf - bench | tar -C "$BEFORE_TREE" -xf -

build() { # side tree
    local side=$1 tree=$2 began=$SECONDS
    say "building the $side EAR in $tree (mvn package -pl webhooks-ear -am, tests skipped; quiet: 1 to 3 min)"
    # shellcheck disable=SC2086
    (cd "$tree" && mvn -B -q ${MVN_FLAGS--o} package -pl webhooks-ear -am -DskipTests -DskipITs) >"$OUT/build-$side.log" 2>&1 \
        || { tail -40 "$OUT/build-$side.log"; die "the $side build failed (whole output: $OUT/build-$side.log)"; }
    cp "$tree/webhooks-ear/target/hookline.ear" "$OUT/hookline-$side.ear" || die "the $side build made no hookline.ear"
    took "built $OUT/hookline-$side.ear" "$began"
}
build before "$BEFORE_TREE"
build after "$ROOT"

# ---------------------------------------------------------------- stock domain runs
field() { sed -n "s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" "$1" | tail -1; }

stock_pid=
server_cpu_ms() { awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$stock_pid/stat"; }
wrk_stock() { # file seconds script args...: a wrk run against the stock domain, its server CPU appended
    local file=$1 seconds=$2 script=$3 cpu used ok
    shift 3
    cpu=$(server_cpu_ms)
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$ROOT/bench/$script" "$BASE" -- "$@" >"$file"
    used=$(($(server_cpu_ms) - cpu))
    ok=$(field "$file" ok)
    echo "SERVER cpu_ms=$used cpu_ms_per_ok=$(awk -v u="$used" -v n="$ok" 'BEGIN {printf "%.2f", (n > 0 ? u / n : 0)}')" >>"$file"
    echo "   [+$SECONDS s] $(basename "$file" .txt): $(field "$file" ok_per_s) ok/s, p99 $(awk -v p="$(field "$file" p99_us)" 'BEGIN {printf "%.1f", p / 1000}') ms," \
        "$(($(field "$file" non2xx) + $(field "$file" socket_errors))) errors, $(field "$file" cpu_ms_per_ok) server CPU ms per ok"
    grep '^first non-2xx' "$file" | sed 's/^/   /' || true
}

stock_run() { # side tree ear
    local side=$1 tree=$2 ear=$3 version zip began get token channel hooks_file i
    stock_out=$OUT/stock-$side
    mkdir -p "$stock_out"
    version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$tree/pom.xml" | head -1)
    zip=$HOME/.m2/repository/fish/payara/distributions/payara/$version/payara-$version.zip
    [ -f "$zip" ] || die "no $zip (a build of the $side tree with MVN_FLAGS= downloads it)"
    say "stock $side: unzipping Payara $version afresh into $TMP/payara-$side"
    began=$SECONDS
    unzip -q "$zip" -d "$TMP/payara-$side"
    took "unzipped" "$began"
    stock_domain=$TMP/payara-$side/payara6/glassfish/domains/domain1
    stock_asadmin=$TMP/payara-$side/payara6/bin/asadmin
    if [ "$setup" = 1 ] && [ -f "$tree/deploy/payara/setup.sh" ]; then
        # What README "Deploying into your own server" and mvn -Prun do before deploying, without tune.sh: on H2 it
        # only turns the Server / X-Powered-By headers and Payara's own MicroProfile Metrics off. On the stopped
        # domain (the script starts and stops it): run on a running one, the listener it reconfigures did not
        # answer afterwards (server.log: "Error adding HttpProbes. NetworkListener http-listener-1s GrizzlyProxy
        # is NULL"), and without tune.sh's restart nothing brings it back.
        say "stock $side: the $side tree's deploy/payara/setup.sh on the stopped domain (no PostgreSQL properties: H2), no tune.sh"
        began=$SECONDS
        bash "$tree/deploy/payara/setup.sh" "$TMP/payara-$side/payara6" >"$stock_out/setup.txt" 2>&1 \
            || { cat "$stock_out/setup.txt"; die "deploy/payara/setup.sh failed"; }
        tail -1 "$stock_out/setup.txt" | sed 's/^/   /'
        took "set up" "$began"
    fi
    say "stock $side: starting domain1, with the bootstrap admin $ADMIN_USER"
    began=$SECONDS
    HOOKLINE_ADMIN_USERNAME=$ADMIN_USER HOOKLINE_ADMIN_PASSWORD=$ADMIN_PASSWORD "$stock_asadmin" start-domain domain1 >/dev/null
    took "started" "$began"
    get() { "$stock_asadmin" get "$1" 2>/dev/null | sed -n 's/.*=//p' | head -1; }
    echo "stock $side: http-thread-pool min $(get configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size) max $(get configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size); jdbc/__default on pool $(get resources.jdbc-resource.jdbc/__default.pool-name); jvm $("$stock_asadmin" list-jvm-options 2>/dev/null | grep -E '^-Xm[sx]' | tr '\n' ' '); setup.sh $([ "$setup" = 1 ] && [ -f "$tree/deploy/payara/setup.sh" ] && echo run || echo 'not run')" \
        | tee -a "$OUT/machine.txt"

    say "stock $side: deploying $(basename "$ear") (asadmin deploy; the first deployment creates the H2 schema)"
    began=$SECONDS
    "$stock_asadmin" deploy --name hookline "$ear" >/dev/null
    took "deployed" "$began"
    local code
    for _ in $(seq 1 30); do
        code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v4/system/ping" || true)
        [ "$code" = 200 ] && break
        sleep 1
    done
    [ "$code" = 200 ] || die "Hookline's $BASE/api/v4/system/ping answered $code for 30 s after the deployment"
    stock_pid=$(cat "$stock_domain/config/pid")

    say "stock $side: creating $hooks hooks, raising the rate limits (as hooks-bench.sh: checked on every request, never refusing)"
    token=$(curl -sf -D - -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"login_id\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" \
        "$BASE/api/v4/users/login" | awk 'tolower($1)=="token:" {print $2}' | tr -d '\r')
    [ -n "$token" ] || die "could not sign in as $ADMIN_USER"
    local auth=(-H "Authorization: Bearer $token")
    channel=$(curl -sf "${auth[@]}" "$BASE/api/v4/teams/name/main/channels/name/town-square" \
        | sed 's/.*"id":"\([a-z2-7]*\)".*/\1/')
    [ -n "$channel" ] || die "no town-square channel"
    hooks_file=$stock_out/hooks.txt
    : >"$hooks_file"
    for i in $(seq 1 "$hooks"); do
        curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
            -d "{\"channel_id\":\"$channel\",\"display_name\":\"bench $i\"}" "$BASE/api/v4/hooks/incoming" \
            | sed 's/.*"id":"\([a-z2-7]*\)".*/\1/' >>"$hooks_file"
        echo >>"$hooks_file"
    done
    grep -cE '^[a-z2-7]{26}$' "$hooks_file" | grep -qx "$hooks" || die "hook creation failed: $(head -c 300 "$hooks_file")"
    # The default limits (1,000/s per address) would refuse most of wrk's requests: the run would measure refusals.
    curl -sf "${auth[@]}" -X PUT -H 'Content-Type: application/json' "$BASE/api/v4/config/patch" -d '{"RateLimitSettings":
        {"Enable":true,"VaryByRemoteAddr":true,"PerSec":100000,"MaxBurst":1000000,"PerHookPerSec":100000,"PerHookMaxBurst":1000000}}' \
        >/dev/null || die "could not raise the rate limits"

    if [ "$warmup" -gt 0 ]; then
        say "stock $side: warm-up, $warmup s of POST /hooks/{id}, then $warmup s of GET ping (not measured)"
        wrk_stock "$stock_out/warmup-hook.txt" "$warmup" hooks.lua /hooks/ "$hooks_file" "$PLAIN_LINE"
        wrk_stock "$stock_out/warmup-ping.txt" "$warmup" hooks.lua /api/v4/system/ping
    fi
    say "stock $side: GET /api/v4/system/ping, $duration s"
    wrk_stock "$stock_out/ping.txt" "$duration" hooks.lua /api/v4/system/ping
    say "stock $side: POST /hooks/{id} ($(basename "$PLAIN_LINE") over $hooks hooks), $duration s"
    wrk_stock "$stock_out/hook.txt" "$duration" hooks.lua /hooks/ "$hooks_file" "$PLAIN_LINE"

    say "stock $side: stopping the domain (asadmin stop-domain)"
    "$stock_asadmin" stop-domain domain1 >/dev/null || die "stop-domain failed: see $stock_domain/logs/server.log"
    cp "$stock_domain/logs/server.log" "$stock_out/server.log" 2>/dev/null || true
    stock_asadmin=
    rm -rf "$TMP/payara-$side"
}
stock_run before "$BEFORE_TREE" "$OUT/hookline-before.ear"
stock_run after "$ROOT" "$OUT/hookline-after.ear"

# ---------------------------------------------------------------- tuned runs: hooks-bench.sh in each tree
tuned_run() { # side tree
    local side=$1 tree=$2 run
    say "tuned $side: bench/hooks-bench.sh --asadmin $(basename "$pools") in $tree (its own lines below, its clock)"
    # shellcheck disable=SC2086
    (cd "$tree" && bench/hooks-bench.sh --asadmin "$pools" --no-constant-rate --duration "$duration" \
        --warmup "$warmup" --warmup-max "$warmup_max" --connections "$connections" --threads "$threads") 2>&1 \
        | tee "$OUT/tuned-$side.log" | sed -u "s/^/   $side | /" \
        || die "hooks-bench.sh failed for $side: see $OUT/tuned-$side.log"
    run=$(sed -n 's/^outputs: //p' "$OUT/tuned-$side.log" | tail -1)
    [ -n "$run" ] && [ -f "$run/hook.txt" ] && [ -f "$run/noop.txt" ] || die "no hook.txt and noop.txt from hooks-bench.sh ($side)"
    cp -r "$run" "$OUT/tuned-$side"
}
if [ "$tuned" = 1 ]; then
    tuned_run before "$BEFORE_TREE"
    tuned_run after "$ROOT"
fi
say "removing the worktree of $before_ref"
git worktree remove --force "$BEFORE_TREE"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

# ---------------------------------------------------------------- the table
# CPU per ok from the unrounded CPU ms and ok counts; ratios from the unrounded figures.
okps() { field "$1" ok_per_s; }
p50() { awk -v v="$(field "$1" p50_us)" 'BEGIN {print v / 1000}'; }
p99() { awk -v v="$(field "$1" p99_us)" 'BEGIN {print v / 1000}'; }
errors() { echo $(($(field "$1" non2xx) + $(field "$1" socket_errors))); }
cpu() { awk -v c="$(field "$1" cpu_ms)" -v n="$(field "$1" ok)" 'BEGIN {print (n > 0 ? c / n : 0)}'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN {print (b > 0 ? a / b : 0)}'; }
row() { # label format before after [no-ratio]
    awk -v label="$1" -v fmt="$2" -v b="$3" -v a="$4" -v plain="${5:-}" 'BEGIN {
        r = plain != "" ? "-" : (b > 0 ? sprintf("%.2fx", a / b) : "-")
        printf "| %-34s | %12s | %12s | %14s |\n", label, sprintf(fmt, b), sprintf(fmt, a), r }'
}
s=$OUT/stock
t=$OUT/tuned
{
    echo
    echo "Before: $before_label. After: $after_label. $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| measure                            |       before |        after | after / before |"
    echo "|------------------------------------|-------------:|-------------:|---------------:|"
    for e in ping hook; do
        if [ $e = ping ]; then name="stock ping"; else name="stock hook"; fi
        row "$name ok/s" "%.0f" "$(okps "$s-before/$e.txt")" "$(okps "$s-after/$e.txt")"
        row "$name p50 ms" "%.2f" "$(p50 "$s-before/$e.txt")" "$(p50 "$s-after/$e.txt")"
        row "$name p99 ms" "%.2f" "$(p99 "$s-before/$e.txt")" "$(p99 "$s-after/$e.txt")"
        row "$name errors" "%d" "$(errors "$s-before/$e.txt")" "$(errors "$s-after/$e.txt")" plain
        row "$name CPU ms/ok" "%.3f" "$(cpu "$s-before/$e.txt")" "$(cpu "$s-after/$e.txt")"
    done
    if [ "$tuned" = 1 ]; then
        row "tuned hook ok/s" "%.0f" "$(okps "$t-before/hook.txt")" "$(okps "$t-after/hook.txt")"
        row "tuned no-op ok/s" "%.0f" "$(okps "$t-before/noop.txt")" "$(okps "$t-after/noop.txt")"
        row "tuned hook / no-op ok/s" "%.2fx" \
            "$(div "$(okps "$t-before/hook.txt")" "$(okps "$t-before/noop.txt")")" \
            "$(div "$(okps "$t-after/hook.txt")" "$(okps "$t-after/noop.txt")")"
        row "tuned hook CPU ms/ok" "%.3f" "$(cpu "$t-before/hook.txt")" "$(cpu "$t-after/hook.txt")"
        row "tuned no-op CPU ms/ok" "%.3f" "$(cpu "$t-before/noop.txt")" "$(cpu "$t-after/noop.txt")"
        row "tuned CPU per ok, hook / no-op" "%.2fx" \
            "$(div "$(cpu "$t-before/hook.txt")" "$(cpu "$t-before/noop.txt")")" \
            "$(div "$(cpu "$t-after/hook.txt")" "$(cpu "$t-after/noop.txt")")"
        row "tuned hook errors" "%d" "$(errors "$t-before/hook.txt")" "$(errors "$t-after/hook.txt")" plain
    fi
    echo
    echo "stock: Payara as unzipped (HTTP threads 5, embedded H2), the tree's deploy/payara/setup.sh $([ "$setup" = 1 ] && echo run || echo 'not run'), no tune.sh;"
    echo "wrk -t$threads -c$connections, $duration s after $warmup s of warm-up per endpoint; hook = $(basename "$PLAIN_LINE") over $hooks hooks."
    if [ "$tuned" = 1 ]; then
        echo "tuned: bench/hooks-bench.sh --asadmin $(basename "$pools") (PostgreSQL, its 3 payloads over 20 hooks), $duration s runs after"
        echo "its warm-up ($warmup to $warmup_max s per endpoint); every hook ok there was checked against the stored posts."
    fi
    echo "errors = non-2xx answers + socket errors; CPU ms/ok = CPU time of Payara's JVM during the run per ok (both cores)."
    echo "Both sides measured with this tree's bench/ scripts, one after the other: compare ratios within this run."
    echo "outputs: $OUT"
} | tee "$OUT/table.md"
