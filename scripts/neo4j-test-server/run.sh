#!/usr/bin/env bash
# `npm run -s neo4j:server -- --port PORT --data DIR [--exit-with-stdin]`: builds the Neo4j test
# server if its sources changed (the first build downloads Neo4j from Maven Central into ~/.m2),
# then runs it in the foreground. It prints `bolt://127.0.0.1:PORT` once Bolt accepts
# connections; user neo4j, password from NEO4J_PASSWORD. JDK 17 (`java`, `mvn`) required;
# NEO4J_TEST_SERVER_JAVA_HOME picks another JDK (for building and running), NEO4J_TEST_SERVER_PROFILE
# a pom profile (neo4j-2025: Neo4j 2025.x, Java 21+), NEO4J_TEST_SERVER_JAVA_OPTS adds JVM options.
set -euo pipefail
if [[ -n "${NEO4J_TEST_SERVER_JAVA_HOME:-}" ]]; then export JAVA_HOME="$NEO4J_TEST_SERVER_JAVA_HOME"; fi
here="$(cd "$(dirname "$0")" && pwd)"
profile="${NEO4J_TEST_SERVER_PROFILE:-}"
target="$here/target${profile:+-$profile}"
main_class="$here/src/main/java/copnet/CopnetNeo4jTestServer.java"

if [[ ! -f "$target/classpath.txt" || "$here/pom.xml" -nt "$target/classpath.txt" || "$main_class" -nt "$target/classpath.txt" ]]; then
  echo "neo4j-test-server: building with Maven (the first build downloads Neo4j into ~/.m2) ..." >&2
  (cd "$here" && mvn -B -q ${profile:+-P "$profile"} package >&2)
  touch "$target/classpath.txt" # Maven leaves an unchanged class path file untouched
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The module openings Neo4j's own launcher passes to the JVM.
exec "$java" \
  -Xms2g -Xmx2g -XX:+UseParallelGC -XX:-OmitStackTraceInFastThrow -Djdk.nio.maxCachedBufferSize=1024 \
  -Dio.netty.tryReflectionSetAccessible=true \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
  ${NEO4J_TEST_SERVER_JAVA_OPTS:-} \
  -cp "$target/classes:$(cat "$target/classpath.txt")" \
  copnet.CopnetNeo4jTestServer "$@"
