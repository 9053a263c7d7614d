#!/usr/bin/env bash
# The GPU device check, on a machine with an OpenCL GPU driver and nothing else: unpacks
# scratch/device-check.tar.gz (made by stage.sh), then runs the parity report (DeviceCheck: every kernel
# through TornadoVM against plain Java, and training steps against the CPU; with timings: each conv pass's
# GFLOP/s, register-tiled and direct, and a UNet2d step per registry loss) and the training-step benchmark
# on the GPU (`bench --backend tornado`). Output goes to $OUT (default ./device-check-out). Run from the
# repository root; --quick uses small shapes (for PoCL or a smoke test). DEVICE_MEMORY, HEAP_MIB and XMX
# override the memory settings (defaults 8GB, 4096, 24g: an H100-class GPU on a 128 GB host).
#
#   gpu/device-check/run.sh [--quick]
set -uo pipefail

quick=""
[ "${1:-}" = "--quick" ] && quick=quick
out=${OUT:-device-check-out}
mkdir -p "$out"
work=$(mktemp -d)
tar -C "$work" -xzf scratch/device-check.tar.gz || { echo "run: scratch/device-check.tar.gz missing (run stage.sh)" >&2; exit 1; }
dc=$work/device-check
export TORNADOVM_HOME=$dc/sdk
java=$dc/jdk/bin/java
sed "s#\${TORNADOVM_HOME}#$TORNADOVM_HOME#g" "$TORNADOVM_HOME/tornado-argfile.template" > "$TORNADOVM_HOME/tornado-argfile"
# The device heap (floats kept resident on the GPU) and the JVM heap that mirrors it; override for small machines.
flags=(@"$TORNADOVM_HOME/tornado-argfile" -Dtornado.load.annotation.parallel=org.regionwise.gpu.Parallel
       -Dtornado.device.memory=${DEVICE_MEMORY:-8GB} -Dregionwise.gpu.heapMiB=${HEAP_MIB:-4096} -Xmx${XMX:-24g})
cp="$dc/jars/regionwise-cli.jar:$dc/jars/gpu-test-classes:$dc/jars/junit-jupiter-api-5.14.1.jar:$dc/jars/opentest4j-1.3.0.jar"

{
    echo "== $(date -u +%FT%TZ) $(uname -n)"
    command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
    uptime
} > "$out/machine.txt" 2>&1

echo "run: DeviceCheck ${quick:-full}..."
timeout 1200 "$java" "${flags[@]}" -cp "$cp" org.regionwise.gpu.bench.DeviceCheck $quick > "$out/devicecheck.txt" 2>&1
echo "devicecheck exit $?" >> "$out/devicecheck.txt"
# The timings (conv passes tiled and direct, a step per registry loss), then the verdict.
grep -E '^(conv |loss )' "$out/devicecheck.txt"
tail -3 "$out/devicecheck.txt"

echo "run: bench --backend tornado..."
bench=(--backend tornado --no-peer --json)
[ -n "$quick" ] && bench+=(--quick) || bench+=(--steps 5 --warmup 2)
timeout 1200 "$java" "${flags[@]}" --add-modules jdk.incubator.vector -cp "$cp" org.regionwise.experiments.cli.Main bench "${bench[@]}" \
    > "$out/bench-tornado.json" 2> "$out/bench-tornado.err"
echo "bench exit $?" >> "$out/bench-tornado.err"
grep -o '"unet_step_ms": *[0-9.]*' "$out/bench-tornado.json" || tail -5 "$out/bench-tornado.err"
rm -rf "$work"
