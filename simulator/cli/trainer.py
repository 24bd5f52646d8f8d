"""Trainer mode on the command line.

``spse-sim serve --demo [--control-token TOKEN|auto]`` (options added to ``serve``): the
realistic demo LPSE with the trainer panel at /_sim/panel. ``spse-sim replay ID [--headless]
[--slowmo MS] [--pause-at-error] [--video]``: one catalog scenario in front of a class.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

from spse_shared.profile import available_profiles

TOKEN_ENV = "SPSE_SIM_TOKEN"


def cmd_serve(args: argparse.Namespace) -> int:
    from simulator.demo.basic import serve

    token = args.control_token or None
    if token == "auto":
        token = secrets.token_urlsafe(24)
    return serve(
        data_dir=Path(args.data_dir),
        profile=args.profile,
        host=args.host,
        port=args.port,
        seed=args.seed,
        demo=args.demo,
        control_token=token,
    )


def cmd_replay(args: argparse.Namespace) -> int:
    from simulator.cli.main import format_outcomes
    from simulator.journey.run import fresh_output_dir
    from simulator.scenarios.catalog import CatalogError, find_catalog_dir, load_catalog, select
    from simulator.trainer.replay import ReplayError, ReplayRequest, display_problem, replay

    catalog = Path(args.catalog) if args.catalog else None
    try:
        [entry] = select(load_catalog(find_catalog_dir(catalog)), ids=[args.scenario_id])
    except CatalogError as exc:
        print(f"spse-sim: {exc}", file=sys.stderr)
        return 2
    if not entry.applies_to(args.profile):
        print(
            f"spse-sim: {entry.scenario_id} does not apply to profile {args.profile} "
            f"(only {', '.join(entry.profiles)}); pass --profile",
            file=sys.stderr,
        )
        return 2
    if not args.headless:
        problem = display_problem(os.environ)
        if problem is not None:
            print(f"spse-sim: {problem}", file=sys.stderr)
            return 2
    output = Path(args.output) if args.output else fresh_output_dir(Path(args.runs_dir))
    print(
        f"spse-sim: replaying {entry.scenario_id} '{entry.title}' "
        f"({'headless' if args.headless else 'headed'}, slow motion {args.slowmo:g} ms), "
        f"output in {output}",
        flush=True,
    )
    try:
        result = replay(
            ReplayRequest(
                scenario_id=entry.scenario_id,
                output_dir=output,
                profile=args.profile,
                seed=args.seed,
                headless=args.headless,
                slow_mo_ms=args.slowmo,
                pause_at_error=args.pause_at_error,
                video=args.video,
                catalog=catalog,
            )
        )
    except ReplayError as exc:
        print(f"spse-sim: {exc}", file=sys.stderr)
        return 2
    if result.outcome is not None:
        print(format_outcomes([result.outcome]))
    for video in result.videos:
        print(f"video: {video} ({video.stat().st_size} bytes)")
    if result.captions is not None:
        print(f"captions: {result.captions}")
    for shot in result.screenshots:
        print(f"screenshot at the failure: {shot}")
    if args.video and not result.videos:
        print("spse-sim: no video was recorded", file=sys.stderr)
        return 1
    return 0 if result.ok else 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = sub.choices["serve"]
    trainer = serve.add_argument_group("trainer mode")
    trainer.add_argument(
        "--demo",
        action="store_true",
        help="seed a realistic LPSE: a dozen vendors in different states, tenders in every stage",
    )
    trainer.add_argument(
        "--control-token",
        metavar="TOKEN",
        default=os.environ.get(TOKEN_ENV),
        help=f"/_sim and /_sim/panel need this token ('auto': a new one; default ${TOKEN_ENV})",
    )
    serve.set_defaults(func=cmd_serve)

    replay = sub.add_parser(
        "replay", help="replay one scenario for a class: headed, slow, captioned, recorded"
    )
    replay.add_argument("scenario_id", metavar="ID", help="scenario id, e.g. KODOK-003")
    replay.add_argument(
        "--headless", action="store_true", help="no browser window (with --video: record only)"
    )
    replay.add_argument(
        "--slowmo",
        type=float,
        default=500,
        metavar="MS",
        help="slow every browser action down by MS milliseconds (default 500)",
    )
    replay.add_argument(
        "--pause-at-error",
        action="store_true",
        help="hold the browser at the failure until Enter is pressed in this terminal",
    )
    replay.add_argument(
        "--video", action="store_true", help="record every browser window into <output>/video"
    )
    replay.add_argument(
        "--profile",
        default="spse-4.3-ca",
        choices=available_profiles(),
        help="SPSE profile the embedded server runs",
    )
    replay.add_argument("--seed", type=int, default=20260302, help="Faker seed for test data")
    replay.add_argument("--catalog", help="folder of .feature files (default: ./scenarios)")
    replay.add_argument("--output", help="output folder (default: a new folder under --runs-dir)")
    replay.add_argument("--runs-dir", default="runs", help="parent of new output folders")
    replay.set_defaults(func=cmd_replay)
