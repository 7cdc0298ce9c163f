#!/usr/bin/env bash
# Tunes a Payara Server 6 domain for Hookline on a small machine (2 cores), as bench/hooks-bench.sh found best;
# README "Deploying into your own server". Run by `mvn -Prun package`; an admin runs it after setup.sh:
#   deploy/payara/tune.sh PAYARA_HOME
# The domain is $DOMAIN (default domain1), reached on asadmin's AS_ADMIN_PORT like setup.sh. Each value can be
# overridden from the environment (HTTP_THREADS=32 deploy/payara/tune.sh ...), e.g. for more cores.
# asadmin's set needs a running domain: the script starts it if it is stopped, and leaves it as it found it.
# The heap and the thread pool take effect at the domain's next start: restart it if it ran.
set -euo pipefail
payara="${1:?Payara home (the directory with bin/asadmin)}"
domain="${DOMAIN:-domain1}"
asadmin="$payara/bin/asadmin"

# Request threads (min = max): Payara's default is 5, which held a stock domain to about 900 hook posts/s while
# the two cores idled; 16 kept both cores busy in bench/hooks-bench.sh (bench/pools-2core.asadmin). More only
# adds threads waiting for the same cores and the same database connections.
http_threads="${HTTP_THREADS:-16}"
# The connection pool behind jdbc/__default (H2Pool, or HooklinePostgres after setup.sh with PostgreSQL): 8
# connections kept open so a burst does not wait for new ones, at most 16, one per request thread; the post
# writers (HOOKLINE_POST_WRITERS, 4) batch many requests into one transaction, so fewer would do, never more.
pool_steady="${POOL_STEADY:-8}"
pool_max="${POOL_MAX:-16}"
# The heap, fixed (-Xms = -Xmx): Payara's default -Xmx512m leaves little room once Hookline's caches, the
# delivery-log queue and the live streams are loaded under load; a fixed size is claimed at the start (a machine
# that cannot give it fails then, not under load) and never resized during the JIT's warm-up.
heap="${HEAP:-1g}"

# "domain1 running", or "domain1 running, restart required to apply configuration changes" after a change such
# as setup.sh's: both are running (an exact match took the second for stopped and started a second server).
if "$asadmin" list-domains | grep -qE "^$domain running(,|$)"; then
  was_running=yes
else
  was_running=no
  "$asadmin" start-domain "$domain"
fi

threads=configs.config.server-config.thread-pools.thread-pool.http-thread-pool
"$asadmin" set "$threads.max-thread-pool-size=$http_threads" "$threads.min-thread-pool-size=$http_threads"

pool="$("$asadmin" get resources.jdbc-resource.jdbc/__default.pool-name | sed -n 's/^resources.jdbc-resource.jdbc\/__default.pool-name=//p')"
[ -n "$pool" ] || { echo "no pool behind jdbc/__default in $domain" >&2; exit 1; }
"$asadmin" set "resources.jdbc-connection-pool.$pool.steady-pool-size=$pool_steady" \
  "resources.jdbc-connection-pool.$pool.max-pool-size=$pool_max"

# Any earlier -Xms/-Xmx out (Payara's -Xmx512m, or this script's from an earlier run), then the new pair.
# asadmin's jvm-option lists are ':'-separated; a heap size holds no ':'.
old="$("$asadmin" list-jvm-options | grep -E '^-Xm[sx][0-9]+[kKmMgG]?$' | paste -sd: - || true)"
if [ -n "$old" ]; then "$asadmin" delete-jvm-options "$old"; fi
"$asadmin" create-jvm-options "-Xms$heap:-Xmx$heap"

if [ "$was_running" = no ]; then
  "$asadmin" stop-domain "$domain"
fi
echo "Payara at $payara ($domain) tuned: HTTP threads $http_threads, pool $pool $pool_steady-$pool_max, heap $heap$([ "$was_running" = yes ] && echo '; restart the domain for the heap and threads to take effect')"
