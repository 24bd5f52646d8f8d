"""The deadline rush on this machine: N vendors with offers of one size, all in the last minute.

Run: PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_rush.py [--penyedia 500] [--ukuran 5MiB]
     [--jendela 60] [--orang 3] [--kill-at S] [--keep DIR]

Runs ``spse-sim rush`` as a child process (as a user runs it) and prints, from its verdict.json
(computed from the server's SQLite, blobs and request log): offers lost (a receipt without a
byte-identical stored offer), duplicated (offers stored without a receipt, or two current ones),
uploads left without an answer, receipts and deadline refusals, p50/p95/p99 time to receipt, p95
of the tender-list page during the rush (target under 1 s), the peak receipts per second, and the
wall time of each phase (arranging and sealing, the rush). Targets live in benchmarks/README.md;
nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
TENDER_LIST_TARGET_MS = 1000.0


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--penyedia", type=int, default=500)
    parser.add_argument("--ukuran", default="5MiB")
    parser.add_argument("--jendela", type=float, default=60.0)
    parser.add_argument("--orang", type=int, default=3)
    parser.add_argument("--kill-at", type=float)
    parser.add_argument("--keep", type=Path, help="keep the run folder here")
    args = parser.parse_args()

    parent = args.keep or Path(tempfile.mkdtemp(prefix="bench-rush-"))
    folder = parent / "rush"
    command = [
        sys.executable,
        "-m",
        "simulator.cli.main",
        "rush",
        "--penyedia",
        str(args.penyedia),
        "--ukuran",
        args.ukuran,
        "--jendela",
        str(args.jendela),
        "--orang",
        str(args.orang),
        "--output",
        str(folder),
    ]
    if args.kill_at is not None:
        command += ["--kill-at", str(args.kill_at)]
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT)}
    print(f"load before {load()}; {' '.join(command[2:])}", flush=True)
    started = time.monotonic()
    marks: dict[str, float] = {}
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            elapsed = time.monotonic() - started
            print(f"{elapsed:7.1f} s  {line.rstrip()}", flush=True)
            if line.startswith("Jam server"):
                marks["rush"] = elapsed
            if line.startswith("Tanda terima"):
                marks["judged"] = elapsed
    total = time.monotonic() - started
    print(f"load after {load()}; exit {child.returncode}")
    verdict = json.loads((folder / "verdict.json").read_text(encoding="utf-8"))
    counts = verdict["jumlah"]
    latency = verdict["latensi_unggah_ms"]
    listing = verdict["halaman_daftar_tender_ms"]
    peak = max((p["tanda_terima_per_detik"] for p in verdict["per_waktu"]), default=0.0)
    unanswered = counts["temuan_tanpa_jawaban"]
    print()
    print(f"verdict                 {'LULUS' if verdict['lulus'] else 'GAGAL'}")
    print(f"vendors                 {counts['penyedia']} ({args.ukuran}, window {args.jendela} s)")
    print(f"lost                    {counts['hilang']}")
    print(f"duplicated              {counts['ganda']}")
    print(f"unanswered uploads      {unanswered} (excused by a kill: {len(verdict['dimaafkan'])})")
    print(f"receipts                {counts['tanda_terima']}")
    print(f"refused at deadline     {counts['ditolak_batas_waktu']}")
    print(f"cut (vendor or fault)   {counts['terputus']}")
    print(
        f"time to receipt         p50 {latency['p50']:.0f} ms  p95 {latency['p95']:.0f} ms  "
        f"p99 {latency['p99']:.0f} ms  max {latency['maks']:.0f} ms"
    )
    verdict_list = "under" if listing["p95"] < TENDER_LIST_TARGET_MS else "OVER"
    print(
        f"tender list page        p50 {listing['p50']:.0f} ms  p95 {listing['p95']:.0f} ms "
        f"({verdict_list} 1 s)  p99 {listing['p99']:.0f} ms"
    )
    print(f"peak receipts/s         {peak:.1f} (5 s buckets)")
    prepare = marks.get("rush", 0.0)
    rush = marks.get("judged", total) - prepare
    print(
        f"phases                  arrange+seal {prepare:.0f} s, rush+verdict {rush:.0f} s, "
        f"total {total:.0f} s"
    )
    print(f"run folder              {folder}")
    return 0 if verdict["lulus"] else 1


if __name__ == "__main__":
    sys.exit(main())
