#!/usr/bin/env bash
# Builds and runs the SDK's benchmarks. Not part of the test command: figures are reported in the
# README, never asserted. Needs a JDK 21+ on JAVA_HOME (or /usr/lib/jvm/temurin-25-jdk-amd64).
#   ./benchmarks.sh              all JMH benchmarks + the board footprint
#   ./benchmarks.sh Wire         JMH benchmarks whose name matches 'Wire'
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -B -pl modem-benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
jar=modem-benchmarks/target/benchmarks.jar
echo "== Retained heap of one mock board (JOL)"
"$java" -Djol.magicFieldOffset=true -cp "$jar" io.metermodem.benchmarks.BoardFootprint 2>/dev/null
echo "== JMH"
"$java" -jar "$jar" -rf text -rff modem-benchmarks/target/jmh-result.txt "${1:-.}"
