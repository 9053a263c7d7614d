#!/usr/bin/env bash
# Packs what the GPU device check needs into one ignored archive, scratch/device-check.tar.gz (about 35 MB),
# for a machine that has a GPU but no JDK 25, no TornadoVM and no network: a jlink'd JDK 25 runtime, the
# TornadoVM SDK's OpenCL runtime jars (an SDK you built or downloaded: this script only copies from it), the
# regionwise CLI jar and the gpu module's test classes (DeviceCheck). Run from the repository root:
#
#   JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64 TORNADOVM_HOME=/path/to/sdk gpu/device-check/stage.sh
#
# then run gpu/device-check/run.sh on the device with scratch/device-check.tar.gz carried along.
set -euo pipefail

JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
: "${TORNADOVM_HOME:?set TORNADOVM_HOME to a TornadoVM 5.x SDK for JDK 25 (the folder with share/java/tornado)}"
[ -x "$JAVA25/bin/jlink" ] || { echo "stage: no jlink in $JAVA25 (set JAVA25 to a JDK 25)" >&2; exit 1; }
[ -d "$TORNADOVM_HOME/share/java/tornado" ] || { echo "stage: $TORNADOVM_HOME is not a TornadoVM SDK" >&2; exit 1; }
[ -f pom.xml ] && [ -d gpu ] || { echo "stage: run from the repository root" >&2; exit 1; }

out=scratch/device-check
rm -rf "$out" scratch/device-check.tar.gz
mkdir -p "$out/jars" "$out/sdk/share/java/tornado" "$out/sdk/share/java/graalJars"

echo "stage: building the CLI jar and the gpu test classes..."
mvn -o -q -B -pl experiments,gpu -am package -DskipTests
cp experiments/target/regionwise-cli.jar "$out/jars/"
cp -r gpu/target/test-classes "$out/jars/gpu-test-classes"
# DeviceCheck's helpers use JUnit's assertion and assumption classes (nothing runs JUnit itself).
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp "$m2/org/junit/jupiter/junit-jupiter-api/5.14.1/junit-jupiter-api-5.14.1.jar" \
   "$m2/org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.jar" "$out/jars/"

echo "stage: jlink JDK 25 runtime..."
# The modules TornadoVM's OpenCL backend and regionwise need (JVMCI for Graal, the Vector API for the CPU side).
"$JAVA25/bin/jlink" --add-modules java.base,java.logging,java.management,jdk.incubator.vector,jdk.internal.vm.ci,jdk.management,jdk.unsupported \
    --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output "$out/jdk"

echo "stage: TornadoVM OpenCL runtime from $TORNADOVM_HOME..."
cp -r "$TORNADOVM_HOME/lib" "$TORNADOVM_HOME/etc" "$out/sdk/"
for jar in asm commons-math3 snmp4j tornado-annotation tornado-api tornado-drivers-common tornado-drivers-opencl tornado-runtime; do
    cp "$TORNADOVM_HOME"/share/java/tornado/"$jar"-[0-9]*.jar "$out/sdk/share/java/tornado/"
done
for jar in collections compiler truffle-compiler word; do
    cp "$TORNADOVM_HOME"/share/java/graalJars/"$jar"-[0-9]*.jar "$out/sdk/share/java/graalJars/"
done
# The SDK's argfile names the SDK by its real (symlink-resolved) path; keep a template that run.sh fills in.
real=$(readlink -f "$TORNADOVM_HOME")
sed -e "s#$real#\${TORNADOVM_HOME}#g" -e "s#$TORNADOVM_HOME#\${TORNADOVM_HOME}#g" "$TORNADOVM_HOME/tornado-argfile" \
    > "$out/sdk/tornado-argfile.template"
if grep -q "$real" "$out/sdk/tornado-argfile.template"; then echo "stage: could not templatise the argfile" >&2; exit 1; fi

tar -C scratch -czf scratch/device-check.tar.gz device-check
rm -rf "$out"
echo "stage: wrote scratch/device-check.tar.gz ($(du -h scratch/device-check.tar.gz | cut -f1))"
