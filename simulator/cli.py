"""``spse-sim``: run the CA journey, or serve the fake SPSE for a person to click through."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from fake_spse.profile import available_profiles
from simulator.chronology import StepRecord


def _echo_step(record: StepRecord) -> None:
    mark = "ok " if record.outcome == "ok" else "FAIL"
    print(
        f"[{mark}] {record.number:2d}. {record.title} ({record.actor}, {record.duration_s:.1f}s)",
        flush=True,
    )
    for line in record.detail.splitlines():
        print(f"          {line}", flush=True)


def cmd_run(args: argparse.Namespace) -> int:
    from simulator.browser import BrowserNotFound
    from simulator.environment import RunOptions
    from simulator.runner import fresh_output_dir, run_journey

    output = Path(args.output) if args.output else fresh_output_dir(Path(args.runs_dir))
    output.mkdir(parents=True, exist_ok=True)
    options = RunOptions(
        output_dir=output,
        profile=args.profile,
        seed=args.seed,
        headless=not args.headed,
        slow_mo_ms=args.slowmo,
    )
    print(f"spse-sim: CA journey on the embedded fake SPSE ({args.profile}), output in {output}")
    try:
        result = run_journey(options, echo=_echo_step)
    except BrowserNotFound as exc:
        print(f"spse-sim: {exc}", file=sys.stderr)
        return 2
    if result.ok:
        print(f"spse-sim: journey passed ({len(result.steps)} steps). Output: {output}")
        return 0
    print(f"spse-sim: journey FAILED: {result.error}. Output: {output}", file=sys.stderr)
    return 1


def cmd_serve(args: argparse.Namespace) -> int:
    from simulator.demo import serve

    return serve(
        data_dir=Path(args.data_dir),
        profile=args.profile,
        host=args.host,
        port=args.port,
        seed=args.seed,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spse-sim", description="SPSE 4.3 CA workflow simulator: fake SPSE + SpamKodok 2."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="walk the CA journey headless on the embedded server")
    run.add_argument(
        "--profile",
        default="spse-4.3-ca",
        choices=available_profiles(),
        help="SPSE profile the embedded server runs",
    )
    run.add_argument("--seed", type=int, default=20260302, help="Faker seed for test data")
    run.add_argument("--headed", action="store_true", help="show the browser windows")
    run.add_argument(
        "--slowmo",
        type=float,
        default=0,
        metavar="MS",
        help="slow every browser action down by MS milliseconds",
    )
    run.add_argument("--output", help="output folder (default: a new folder under --runs-dir)")
    run.add_argument("--runs-dir", default="runs", help="parent of new output folders")
    run.set_defaults(func=cmd_run)

    serve = sub.add_parser("serve", help="start the fake SPSE with demo users and a tender")
    serve.add_argument("--data-dir", default="spse-data", help="where the server keeps its state")
    serve.add_argument(
        "--profile",
        default="spse-4.3-ca",
        choices=available_profiles(),
        help="SPSE profile to serve",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind")
    serve.add_argument("--port", type=int, default=8080, help="port to bind")
    serve.add_argument("--seed", type=int, default=20260302, help="Faker seed for demo data")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
