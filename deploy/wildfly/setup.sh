#!/usr/bin/env bash
# Prepares a stopped WildFly 39 installation for Hookline; README "Deploying into your own server".
#   deploy/wildfly/setup.sh WILDFLY_HOME ECLIPSELINK_JAR [PG_PROPERTIES]
# ECLIPSELINK_JAR: org.eclipse.persistence:eclipselink (4.0.1, the version Payara 6 ships) from Maven Central.
# PG_PROPERTIES: optional; a properties file with pg.host, pg.port, pg.database, pg.schema, pg.user,
# pg.password and pg.driver (the PostgreSQL JDBC jar) puts Hookline on PostgreSQL instead of H2.
# Run it once on a pristine server: it adds resources, and a second run stops at the first that exists.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
wildfly="${1:?WildFly home}"
eclipselink="${2:?EclipseLink jar}"
pg_properties="${3:-}"

# 1. EclipseLink into WildFly's org.eclipse.persistence module, beside WildFly's adaptor (jipijapa).
module="$wildfly/modules/system/layers/base/org/eclipse/persistence/main"
adaptor="$(cd "$module" && ls jipijapa-eclipselink-*.jar)"
cp "$eclipselink" "$module/"
sed -e "s/@ADAPTOR_JAR@/$adaptor/" -e "s/@ECLIPSELINK_JAR@/$(basename "$eclipselink")/" \
    "$here/eclipselink-module.xml" > "$module/module.xml"

# 2. Data source, console path, security domain, logging, OpenAPI (configure.cli says why for each).
"$wildfly/bin/jboss-cli.sh" --file="$here/configure.cli"

# 3. Optionally PostgreSQL.
if [ -n "$pg_properties" ]; then
  "$wildfly/bin/jboss-cli.sh" --file="$here/postgres.cli" --properties="$pg_properties" --resolve-parameter-values
fi
echo "WildFly at $wildfly is ready for Hookline"
