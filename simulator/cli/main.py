"""``spse-sim``: run the CA journey, or serve the fake SPSE for a person to click through."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli import evidence as cli_evidence
from simulator.cli import qa as cli_qa
from simulator.cli import support as cli_support
from simulator.cli import trainer as cli_trainer
from simulator.harness.chronology import StepRecord
from simulator.qa import tickets as tickets_after_run
from spse_shared.profile import available_profiles

if TYPE_CHECKING:
    from simulator.scenarios.catalog import CatalogEntry
    from simulator.scenarios.run import ScenarioOutcome


def _echo_step(record: StepRecord) -> None:
    mark = "ok " if record.outcome == "ok" else "FAIL"
    print(
        f"[{mark}] {record.number:2d}. {record.title} ({record.actor}, {record.duration_s:.1f}s)",
        flush=True,
    )
    for line in record.detail.splitlines():
        print(f"          {line}", flush=True)


def cmd_run(args: argparse.Namespace) -> int:
    if args.ids or args.all or args.keyword:
        return cmd_run_scenarios(args)
    if args.base_url:
        print(
            "spse-sim: the CA journey needs /_sim; use --base-url with ids or --all",
            file=sys.stderr,
        )
        return 2
    from simulator.browser.launch import BrowserNotFound
    from simulator.harness.environment import RunOptions
    from simulator.journey.run import fresh_output_dir, run_journey

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
        result = run_journey(options, echo=_echo_step, evidence=args.evidence)
    except BrowserNotFound as exc:
        print(f"spse-sim: {exc}", file=sys.stderr)
        return 2
    if result.report is not None:
        print(f"spse-sim: Word report: {result.report}")
    if result.ok:
        print(f"spse-sim: journey passed ({len(result.steps)} steps). Output: {output}")
        return 0
    print(f"spse-sim: journey FAILED: {result.error}. Output: {output}", file=sys.stderr)
    return 1


def cmd_run_scenarios(args: argparse.Namespace) -> int:
    from simulator.journey.run import fresh_output_dir
    from simulator.qa.run import qa_exit_code, run_qa
    from simulator.scenarios.catalog import CatalogError, find_catalog_dir, load_catalog, select
    from simulator.scenarios.run import ScenarioRunRequest

    try:
        entries = load_catalog(find_catalog_dir(Path(args.catalog) if args.catalog else None))
        chosen = select(entries, ids=args.ids)
    except CatalogError as exc:
        print(f"spse-sim: {exc}", file=sys.stderr)
        return 2
    problem = cli_qa.check_compare_runs(args.compare_with)
    if problem:
        print(f"spse-sim: {problem}", file=sys.stderr)
        return 2
    output = Path(args.output) if args.output else fresh_output_dir(Path(args.runs_dir))
    print(
        f"spse-sim: {len(chosen) if args.ids else 'all'} scenario(s) on {args.profile}, "
        f"output in {output}",
        flush=True,
    )
    qa = run_qa(
        ScenarioRunRequest(
            output_dir=output,
            ids=args.ids,
            keyword=args.keyword,
            profile=args.profile,
            headed=args.headed,
            slow_mo_ms=args.slowmo,
            seed=args.seed,
            evidence=args.evidence,
            workers=args.workers,
            base_url=args.base_url,
        ),
        reruns=args.reruns,
        compare_with=[Path(p) for p in args.compare_with],
    )
    code, outcomes, elapsed = qa.pytest_exit_code, qa.outcomes, qa.elapsed_s
    print(format_outcomes(outcomes))
    cli_evidence.print_scenario_reports(output)
    counts = {
        s: sum(1 for o in outcomes if o.status == s)
        for s in ("passed", "failed", "flaky", "n/a", "skipped")
    }
    print(
        f"{counts['passed']} passed, {counts['failed']} failed, {counts['flaky']} flaky, "
        f"{counts['n/a']} not applicable ({elapsed:.0f}s). JUnit XML: {output / 'junit.xml'}"
    )
    print(f"HTML report: {qa.report}")
    return qa_exit_code(code, outcomes)


def format_outcomes(outcomes: Sequence[ScenarioOutcome]) -> str:
    """The expected-vs-observed table, one line per check."""
    lines = [f"{'id':<10} {'result':<7} {'scenario / check':<58} observed"]
    for outcome in outcomes:
        lines.append(f"{outcome.scenario_id:<10} {outcome.status:<7} {outcome.title[:58]}")
        for check in outcome.checks:
            mark = "ok" if check.ok else "X"
            lines.append(f"{'':<10} {mark:<7}   expected: {_clip(check.expected, 100)}")
            lines.append(f"{'':<10} {'':<7}   observed: {_clip(check.observed, 100)}")
        if outcome.error and not outcome.checks:
            lines.append(f"{'':<10} {'':<7}   error: {_clip(outcome.error, 110)}")
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def cmd_list(args: argparse.Namespace) -> int:
    from simulator.scenarios.catalog import (
        SOURCES,
        CatalogError,
        find_catalog_dir,
        load_catalog,
        select,
    )

    try:
        entries = select(
            load_catalog(find_catalog_dir(Path(args.catalog) if args.catalog else None)),
            tags=args.tag,
        )
    except CatalogError as exc:
        print(f"spse-sim: {exc}", file=sys.stderr)
        return 2
    if args.profile:
        entries = [e for e in entries if e.applies_to(args.profile)]
    if args.rules:
        return _print_rules(entries)
    print(f"{'id':<10} {'profile':<22} {'source':<40} title")
    for entry in entries:
        source = "; ".join(SOURCES[s] for s in entry.sources)
        print(
            f"{entry.scenario_id:<10} {','.join(entry.profiles):<22} {_clip(source, 40):<40} "
            f"{entry.title}"
        )
    print(f"{len(entries)} scenario(s)")
    return 0


def _print_rules(entries: Sequence[CatalogEntry]) -> int:
    from simulator.scenarios.catalog import SEED_RULES, rule_coverage

    coverage = rule_coverage(entries)
    print(f"{'rule':<9} {'section':<36} {'scenarios':<24} rule")
    for rule in SEED_RULES:
        covered = ", ".join(coverage[rule.rule_id]) or "-- none --"
        print(f"{rule.rule_id:<9} {rule.section:<36} {_clip(covered, 24):<24} {rule.text}")
    missing = [r for r, ids in coverage.items() if not ids]
    print(f"{len(SEED_RULES) - len(missing)} of {len(SEED_RULES)} seed rules reproduced")
    return 0


def cmd_check_file(args: argparse.Namespace) -> int:
    from simulator.desk.spamkodok.filecheck import check_files
    from spse_shared.messages import MessageCatalog
    from spse_shared.profile import load_profile

    profile = load_profile(args.profile)
    catalog = MessageCatalog(profile.messages)
    checks = check_files(
        [Path(p) for p in args.paths],
        profile,
        removable_roots=[Path(r) for r in args.removable_root],
    )
    for check in checks:
        if check.accepted:
            print(f"OK      {check.path}")
            continue
        print(f"DITOLAK {check.path}")
        for problem in check.problems:
            print(f"        {catalog.text(problem.key, **problem.params)}")
    return 0 if all(c.accepted for c in checks) else 1


def cmd_serve(args: argparse.Namespace) -> int:
    from simulator.demo.basic import serve

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

    run = sub.add_parser(
        "run",
        help="walk the CA journey (no ids) or run catalog scenarios on the embedded server",
    )
    run.add_argument("ids", nargs="*", metavar="ID", help="scenario ids to run, e.g. KODOK-003")
    run.add_argument("--all", action="store_true", help="run the whole scenario catalog")
    run.add_argument(
        "-k",
        dest="keyword",
        metavar="EXPR",
        help="run scenarios whose names match this pytest -k expression",
    )
    run.add_argument("--catalog", help="folder of .feature files (default: ./scenarios)")
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
    run.add_argument(
        "--evidence", action="store_true", help="write the Word report also when nothing failed"
    )
    run.set_defaults(func=cmd_run)

    listing = sub.add_parser("list", help="list the scenario catalog")
    listing.add_argument(
        "--tag", action="append", default=[], help="only scenarios with this tag (repeatable)"
    )
    listing.add_argument(
        "--profile", choices=available_profiles(), help="only scenarios that apply to this profile"
    )
    listing.add_argument("--catalog", help="folder of .feature files (default: ./scenarios)")
    listing.add_argument(
        "--rules",
        action="store_true",
        help="show the seed's rules and the scenarios reproducing each",
    )
    listing.set_defaults(func=cmd_list)

    check = sub.add_parser(
        "check-file", help="SpamKodok's pre-upload check of files (exit 1 if any refused)"
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="files to check")
    check.add_argument(
        "--profile",
        default="spse-4.3-ca",
        choices=available_profiles(),
        help="profile whose file-name rules apply",
    )
    check.add_argument(
        "--removable-root",
        action="append",
        default=[],
        metavar="DIR",
        help="treat this folder as a flash drive (besides the OS's own view)",
    )
    check.set_defaults(func=cmd_check_file)

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
    cli_evidence.register(sub)
    cli_qa.register(sub)
    cli_trainer.register(sub)
    cli_support.register(sub)
    tickets_after_run.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
