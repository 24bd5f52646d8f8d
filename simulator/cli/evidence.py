"""``spse-sim evidence RUN_DIR``: rebuild the Word report from a run's evidence folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    evidence = sub.add_parser(
        "evidence",
        help="rebuild the Word report (laporan-kronologi.docx) from a run folder",
        description=(
            "RUN_DIR is a journey run folder, one scenario's folder, or a scenario run "
            "(then every scenario's report is rebuilt, or only failed ones with --failed)."
        ),
    )
    evidence.add_argument("run_dir", metavar="RUN_DIR", help="the run or scenario folder")
    evidence.add_argument(
        "--output", metavar="PATH", help="where to write the .docx (one folder only)"
    )
    evidence.add_argument(
        "--failed", action="store_true", help="scenario run: only the failed scenarios"
    )
    evidence.set_defaults(func=cmd_evidence)


def cmd_evidence(args: argparse.Namespace) -> int:
    from simulator.evidence.bundle import EvidenceError, record_report, scenario_folders
    from simulator.evidence.docx import write_report

    run_dir = Path(args.run_dir)
    if not run_dir.is_dir():
        print(f"spse-sim: {run_dir}: no such folder", file=sys.stderr)
        return 2
    folders = [run_dir]
    if _kind(run_dir) == "scenario-run":
        folders = [
            f for f in scenario_folders(run_dir) if not args.failed or _status(f) == "failed"
        ]
        if args.output and len(folders) != 1:
            print("spse-sim: --output needs a single folder", file=sys.stderr)
            return 2
    for folder in folders:
        try:
            path = write_report(folder, Path(args.output) if args.output else None)
        except EvidenceError as exc:
            print(f"spse-sim: {exc}", file=sys.stderr)
            return 2
        record_report(folder, path)
        print(path)
    return 0


def print_scenario_reports(run_dir: Path) -> None:
    """After a scenario run: bring its index.json up to date (files written after it, re-runs),
    then print the Word report of every scenario that has one."""
    from simulator.evidence.bundle import refresh_scenario_run_index

    index_path = refresh_scenario_run_index(run_dir)
    if index_path is None:
        return
    for entry in json.loads(index_path.read_text(encoding="utf-8")).get("scenarios", []):
        if entry.get("report"):
            report = run_dir / entry["report"]
            print(f"{entry['scenario_id']:<10} {entry['status']:<7} report: {report}")


def _kind(folder: Path) -> str:
    index = folder / "index.json"
    if not index.exists():
        return ""
    return str(json.loads(index.read_text(encoding="utf-8")).get("kind", ""))


def _status(folder: Path) -> str:
    index = folder / "index.json"
    if not index.exists():
        return ""
    return str(json.loads(index.read_text(encoding="utf-8")).get("status", ""))
