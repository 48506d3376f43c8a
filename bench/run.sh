#!/usr/bin/env bash
# AgentHub benchmarks. Usage: bench/run.sh [pages] [runs] [burst] [sse] [startup] [--quick] [--jfr]   (no scenario: all)
# BENCH_JAVA_HOME runs the app and the fake provider on another JDK (e.g. 21+ for virtual threads).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/agenthub.jar ] || ./mvnw -B -q -DskipTests package
# The start-up floor runs the embedded PostgreSQL library alone: its classpath, from the local repository.
[ -f target/bench-postgres.classpath ] || ./mvnw -B -q dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-postgres.classpath
# The start-up scenario also starts the app with its class data sharing archive, which only the JDK that
# recorded it can use: record it again when the jar is newer or the JDK differs.
jdk="${BENCH_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
if [ ! target/app/agenthub.jsa -nt target/agenthub.jar ] || [ "$(cat target/app/agenthub.jsa.jdk 2>/dev/null)" != "$jdk" ]; then
  JAVA_HOME="$jdk" deploy/cds.sh && echo "$jdk" > target/app/agenthub.jsa.jdk
fi
driver=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' ! -name '*sources*' | sort | tail -1)
exec java ${BENCH_OPTS:-} -cp "$driver" bench/Bench.java "$@"
