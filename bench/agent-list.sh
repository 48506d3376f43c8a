#!/usr/bin/env bash
# Times the agent list with 10,000 agents in one organization. Usage: bench/agent-list.sh [--agents N] [--requests N]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/agenthub.jar ] || ./mvnw -B -q -DskipTests package
driver=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' ! -name '*sources*' | sort | tail -1)
exec java -cp "$driver" bench/AgentListBench.java "$@"
