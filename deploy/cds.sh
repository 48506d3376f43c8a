#!/usr/bin/env bash
# Faster start-up with class data sharing: extracts the packaged jar into target/app and records the
# classes the app loads while starting (a training run on a throwaway embedded database) into
# target/app/agenthub.jsa. Then start it with
#   java -XX:SharedArchiveFile=target/app/agenthub.jsa -jar target/app/agenthub.jar
# The archive only fits the JDK that recorded it (JAVA_HOME, or java on the PATH) and this build.
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f target/agenthub.jar ] || ./mvnw -B -q -DskipTests package
rm -rf target/app
"$java" -Djarmode=tools -jar target/agenthub.jar extract --destination target/app
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# spring.context.exit=onRefresh stops right after the context has started, which is all the training needs.
AGENTHUB_HOME="$training" SERVER_PORT=0 "$java" -XX:ArchiveClassesAtExit=target/app/agenthub.jsa \
  -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh -jar target/app/agenthub.jar \
  > "$training/training.log" 2>&1 || { cat "$training/training.log"; exit 1; }
echo "target/app/agenthub.jsa recorded ($(du -h target/app/agenthub.jsa | cut -f1))"
