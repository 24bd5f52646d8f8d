"""Wall time of the whole scenario catalog with -n 1 and -n auto, and of one full CA journey.

Run: .venv/bin/python benchmarks/bench_catalog.py [--profile spse-4.3-ca] [--workers 1 auto]
     [--skip-catalog] [--skip-journey] [--keep DIR]

Each catalog run is ``spse-sim run --all -n N`` as a QA team would start it (a child pytest with
pytest-xdist, one embedded server and data folder per scenario); the journey is
``simulator.journey.run.run_journey`` in this process, browser launch included. Figures are wall
times of one run each, so they move with the machine's load: the load average is printed with
them. Nothing here is a test; it prints the figures for the README.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from simulator.harness.environment import RunOptions
from simulator.journey.run import run_journey
from simulator.scenarios.run import ScenarioRunRequest, run_scenarios


def load() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.1f} {five:.1f} {fifteen:.1f}"


def bench_catalog(output: Path, profile: str, workers: str) -> tuple[float, Counter[str]]:
    started = time.perf_counter()
    _, outcomes, _ = run_scenarios(
        ScenarioRunRequest(output_dir=output, profile=profile, workers=workers)
    )
    return time.perf_counter() - started, Counter(o.status for o in outcomes)


def bench_journey(output: Path, profile: str) -> tuple[float, bool, int]:
    started = time.perf_counter()
    result = run_journey(RunOptions(output_dir=output, profile=profile))
    return time.perf_counter() - started, result.ok, len(result.steps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="spse-4.3-ca", help="SPSE profile to run")
    parser.add_argument(
        "--workers", nargs="+", default=["1", "auto"], help="-n values to time the catalog with"
    )
    parser.add_argument("--skip-catalog", action="store_true", help="only the CA journey")
    parser.add_argument("--skip-journey", action="store_true", help="only the catalog")
    parser.add_argument("--keep", metavar="DIR", help="keep the run folders here")
    args = parser.parse_args()

    print(
        f"{datetime.now(UTC):%Y-%m-%d}  Python {platform.python_version()}  "
        f"{platform.machine()}  {os.cpu_count()} CPU(s)  profile {args.profile}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-catalog-") as scratch:
        root = Path(args.keep) if args.keep else Path(scratch)
        root.mkdir(parents=True, exist_ok=True)
        lines = []
        if not args.skip_journey:
            before = load()
            seconds, ok, steps = bench_journey(root / "journey", args.profile)
            lines.append(
                f"{'CA journey (run_journey)':<28} {seconds:8.1f} s   "
                f"{'passed' if ok else 'FAILED'}, {steps} steps   load {before} -> {load()}"
            )
            print(lines[-1], flush=True)
        serial: float | None = None
        for workers in [] if args.skip_catalog else args.workers:
            before = load()
            seconds, counts = bench_catalog(root / f"catalog-n{workers}", args.profile, workers)
            serial = seconds if serial is None else serial
            summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            speedup = f"  x{serial / seconds:.2f}" if serial != seconds else ""
            lines.append(
                f"{'catalog -n ' + workers:<28} {seconds:8.1f} s   {summary}{speedup}   "
                f"load {before} -> {load()}"
            )
            print(lines[-1], flush=True)
    print()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
