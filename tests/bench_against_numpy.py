#!/usr/bin/python3
"""The engine against NumPy + OpenBLAS, side by side in one run.

For each thread count (1, then 2) and each case (the tutorial; 64, 512 and
1024 tokens with d_model 64, 8 heads and W_O) it runs bench_compute (A) and
tests/reference/bench_numpy.py (B) alternately, A B A B …, each pinned to the
same cores (taskset) with the same number of threads: the engine's heads on
at most T threads, OpenBLAS in NumPy with T threads (checked through
threadpoolctl, and refused if NumPy does not run OpenBLAS). It prints the
medians over the rounds and the ratios as a Markdown table.

OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from the environment of
the processes it starts, so OpenBLAS picks its kernel for this processor.

Usage: /usr/bin/python3 tests/bench_against_numpy.py [--build build] [--rounds 5]
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# (label, bench_compute data tag, bench_numpy.py arguments, NumPy runs per process)
CASES = [
    ("4 (tutorial)", "tutorial", ["--tutorial"], 2001),
    ("64", "64 tokens", ["--tokens", "64"], 501),
    ("512", "512 tokens", ["--tokens", "512"], 41),
    ("1024", "1024 tokens", ["--tokens", "1024"], 15),
]


def environment(threads):
    env = dict(os.environ)
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS",
                 "OMP_NUM_THREADS"):
        env.pop(name, None)
    env["OPENBLAS_NUM_THREADS"] = str(threads)
    return env


def pinned(threads, command):
    cores = ",".join(str(c) for c in range(threads))
    return ["taskset", "-c", cores] + command


def run(command, env):
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def engine_times(bench, tag, threads, env):
    """Median µs of compute() (fresh) and computeInto() (reused), from one process."""
    out = run(pinned(threads, [bench, "-threads", str(threads), "-median", "5", "-csv",
                               f"fresh:{tag}", f"reused:{tag}"]), env)
    times = {}
    for line in out.splitlines():
        # "fresh","512 tokens","WalltimeMilliseconds",12.5,125,10
        match = re.match(r'"(fresh|reused)","[^"]*","WalltimeMilliseconds",([0-9.eE+-]+)', line)
        if match:
            times[match.group(1)] = float(match.group(2)) * 1000.0
    if len(times) != 2:
        sys.exit(f"no timings from bench_compute:\n{out}")
    return times["fresh"], times["reused"]


def numpy_time(arguments, runs, threads, env):
    out = run(pinned(threads, ["/usr/bin/python3", os.path.join(HERE, "reference", "bench_numpy.py"),
                               *arguments, "--runs", str(runs), "--threads", str(threads)]), env)
    match = re.search(r"median ([0-9.]+) µs", out)
    blas = re.search(r"^numpy .*$", out, re.MULTILINE)
    return float(match.group(1)), blas.group(0) if blas else "?"


def checksums(bench, tag, arguments, env):
    engine = run([bench, f"checksum:{tag}"], env)
    numpy = run(["/usr/bin/python3", os.path.join(HERE, "reference", "bench_numpy.py"),
                 *arguments, "--runs", "1"], env)
    pattern = r"checksum: sum\(output\) = ([^,]+),"
    return float(re.search(pattern, engine).group(1)), float(re.search(pattern, numpy).group(1))


def fmt(us):
    if us < 1000:
        return f"{us:.3g} µs"
    return f"{us / 1000:.3g} ms"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bench = os.path.join(args.build, "tests", "bench_compute")
    if not os.path.exists(bench):
        sys.exit(f"{bench} is missing: build the project first")
    if not shutil.which("taskset"):
        sys.exit("taskset (util-linux) is needed to pin the threads")

    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f} at the start")
    linked = run(["ldd", bench], os.environ)
    print("engine BLAS:", ", ".join(sorted(set(re.findall(r"=> (\S*openblas\S*)", linked)))))
    for label, tag, arguments, _ in CASES:
        engine, numpy = checksums(bench, tag, arguments, environment(1))
        same = abs(engine - numpy) <= 1e-12 * max(1.0, abs(numpy))
        print(f"checksum {label}: engine {engine!r}, NumPy {numpy!r}{'' if same else '  DIFFER'}")
        if not same:
            sys.exit("the engine and NumPy do not compute the same thing")

    rows = []
    libraries = []
    for threads in (1, 2):
        env = environment(threads)
        for label, tag, arguments, runs in CASES:
            fresh, reused, numpy = [], [], []
            for _ in range(args.rounds):  # A B A B …
                f, r = engine_times(bench, tag, threads, env)
                fresh.append(f)
                reused.append(r)
                n, blas = numpy_time(arguments, runs, threads, env)
                numpy.append(n)
            rows.append((label, threads, statistics.median(reused), statistics.median(fresh),
                         statistics.median(numpy)))
            print(f"  {label} tokens, {threads} thread(s): done ({blas})", file=sys.stderr)
        libraries.append(blas)

    print("\nNumPy: " + "; ".join(libraries) + f"\nmedians of {args.rounds} alternating rounds\n")
    print("| tokens | threads | computeInto (reused) | compute (fresh) | NumPy + OpenBLAS "
          "| NumPy / reused | fresh / reused |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, threads, reused, fresh, numpy in rows:
        print(f"| {label} | {threads} | {fmt(reused)} | {fmt(fresh)} | {fmt(numpy)} "
              f"| {numpy / reused:.2f} | {fresh / reused:.2f} |")


if __name__ == "__main__":
    main()
