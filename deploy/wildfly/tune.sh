#!/usr/bin/env bash
# Tunes a stopped WildFly 39 installation for Hookline on a small machine (2 cores), as bench/hooks-bench.sh
# found best (the same values as deploy/payara/tune.sh); README "Deploying into your own server". Run by
# `mvn -Prun-wildfly package`; an admin runs it after setup.sh, with the server stopped:
#   deploy/wildfly/tune.sh WILDFLY_HOME
# Each value can be overridden from the environment (HTTP_THREADS=32 deploy/wildfly/tune.sh ...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
wildfly="${1:?WildFly home}"

# The reasons are deploy/payara/tune.sh's: request threads 16 (min = max), the default data source's pool 8-16,
# the heap fixed at 1 GiB (WildFly's default is -Xms64m -Xmx512m: grown in steps during the warm-up).
http_threads="${HTTP_THREADS:-16}"
pool_min="${POOL_STEADY:-8}"
pool_max="${POOL_MAX:-16}"
heap="${HEAP:-1g}"

# 1. The heap: standalone.conf's default for JBOSS_JAVA_SIZING (used unless the environment sets it).
conf="$wildfly/bin/standalone.conf"
sed -i -E "s/^([[:space:]]*JBOSS_JAVA_SIZING=)\"[^\"]*\"/\1\"-Xms$heap -Xmx$heap\"/" "$conf"
grep -q "JBOSS_JAVA_SIZING=\"-Xms$heap -Xmx$heap\"" "$conf" || { echo "could not set the heap in $conf" >&2; exit 1; }

# 2. Threads and pool (tune.cli says why), the values passed as properties.
properties="$(mktemp)"
trap 'rm -f "$properties"' EXIT
printf 'hookline.http.threads=%s\nhookline.pool.min=%s\nhookline.pool.max=%s\n' \
  "$http_threads" "$pool_min" "$pool_max" > "$properties"
"$wildfly/bin/jboss-cli.sh" --file="$here/tune.cli" --properties="$properties" --resolve-parameter-values
echo "WildFly at $wildfly tuned: request threads $http_threads, pool $pool_min-$pool_max, heap $heap"
