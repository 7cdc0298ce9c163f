#!/usr/bin/env bash
# Renders/s of the spec's build-break message through MarkdownRenderer, and the ratio to a one-line
# message, measured in the same JVM run. See bench/README.md.
#
#   bench/render-bench.sh [iterations-per-round [rounds]]      (defaults: 20000 5)
#
# MVN_FLAGS (default -o, offline) is passed to Maven; set MVN_FLAGS= on a machine whose local
# repository does not have the dependencies yet.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each module of the reactor writes its own target/bench-classpath.txt; the console's is the one used.
classpath_file="$PWD/webhooks-web/target/bench-classpath.txt"
# shellcheck disable=SC2086
mvn -q ${MVN_FLAGS--o} -pl webhooks-web -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores)"
exec java -cp "webhooks-web/target/test-classes:webhooks-web/target/classes:$(cat "$classpath_file")" \
    io.hookline.web.console.channel.RenderBench "$@"
