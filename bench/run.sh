#!/usr/bin/env bash
# AgentHub benchmarks. Usage: bench/run.sh [agents] [executions] [runs] [--quick]   (no scenario: all)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/agenthub.jar ] || ./mvnw -B -q -DskipTests package
driver=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' ! -name '*sources*' | sort | tail -1)
exec java -cp "$driver" bench/Bench.java "$@"
