"""scipy's distance_transform_edt on the ellipsoid mask of regionwise's maps benchmark.

Run by `regionwise bench maps` (org.regionwise.experiments.bench.ScipyEdt) with Debian's /usr/bin/python3:
    python3 - D H W FRACTION WARMUPS RUNS < scipy_edt.py
Builds the mask exactly as org.regionwise.maps.bench.Phantoms.ellipsoid documents it (same double
operations in the same order), times the transform (wall clock, perf_counter; process CPU time, process_time),
and prints one JSON object:
versions, each run in ms, and checksums (voxels inside, sum and max of the distances) that the Java side
compares with its own EDT of its own mask.
"""
import json
import platform
import sys
import time

import numpy as np
import scipy
from scipy import ndimage


def main():
    d, h, w = (int(v) for v in sys.argv[1:4])
    f = float(sys.argv[4])
    warmups, runs = int(sys.argv[5]), int(sys.argv[6])
    z, y, x = np.ogrid[:d, :h, :w]
    q = ((z - (d - 1) / 2) / (f * d / 2)) ** 2 + ((y - (h - 1) / 2) / (f * h / 2)) ** 2 \
        + ((x - (w - 1) / 2) / (f * w / 2)) ** 2
    mask = q <= 1
    del q
    for _ in range(warmups):
        ndimage.distance_transform_edt(mask)
    times = []
    cpu = []
    dist = None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        dist = ndimage.distance_transform_edt(mask)
        times.append((time.perf_counter() - start) * 1e3)
        cpu.append((time.process_time() - start_cpu) * 1e3)
    print(json.dumps({
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "shape": [d, h, w],
        "runs_ms": times,
        "median_ms": float(np.median(times)),
        "runs_cpu_ms": cpu,
        "median_cpu_ms": float(np.median(cpu)),
        "inside": int(mask.sum()),
        "sum": float(dist.sum(dtype=np.float64)),
        "max": float(dist.max()),
    }))


if __name__ == "__main__":
    main()
