"""``spse-sim replay ID``: one catalog scenario in front of a class: headed, slow, captioned,
recorded on request (``--video``), held at the failure on request (``--pause-at-error``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.errors import EXIT_FAILED, CliError
from simulator.cli.formatting import format_outcomes
from simulator.cli.options import (
    add_catalog,
    add_output,
    add_profile,
    add_seed,
    add_slowmo,
    interruption_marked,
    new_command,
    run_folder,
)
from spse_shared.language import tr

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim replay``, its options and its handler."""
    replay = new_command(
        subparsers,
        "replay",
        help="putar ulang satu skenario untuk kelas: berjendela, lambat, berketerangan, direkam",
    )
    replay.add_argument("scenario_id", metavar="ID", help="id skenario, misalnya KODOK-003")
    replay.add_argument(
        "--headless",
        action="store_true",
        help="tanpa jendela browser (dengan --video: hanya merekam)",
    )
    add_slowmo(replay, default=500)
    replay.add_argument(
        "--pause-at-error",
        action="store_true",
        help="tahan browser pada kegagalan sampai Enter ditekan di terminal ini",
    )
    replay.add_argument(
        "--video",
        action="store_true",
        help="rekam setiap jendela browser ke <output>/video, dengan index.html yang memutar "
        "semua video berdampingan bersama garis waktu keterangan",
    )
    replay.add_argument(
        "--mp4",
        action="store_true",
        help="dengan --video: gabungkan juga semua video menjadi satu putar-ulang.mp4 "
        "(butuh ffmpeg)",
    )
    add_profile(replay, "profil SPSE yang dijalankan server bawaan")
    add_seed(replay)
    add_catalog(replay)
    add_output(replay)
    replay.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    # Imported here: the trainer's modules take seconds to import (see simulator.cli.main).
    from simulator.scenarios.catalog import find_catalog_dir, load_catalog, select
    from simulator.trainer.replay import ReplayRequest, display_problem, replay

    catalog = Path(args.catalog) if args.catalog else None
    [entry] = select(load_catalog(find_catalog_dir(catalog)), ids=[args.scenario_id])
    if not entry.applies_to(args.profile):
        raise CliError(
            tr(
                "{id} tidak berlaku untuk profil {profile} (hanya {profiles}); berikan --profile",
                id=entry.scenario_id,
                profile=args.profile,
                profiles=", ".join(entry.profiles),
            )
        )
    if args.mp4 and not args.video:
        raise CliError(tr("--mp4 butuh --video"))
    if not args.headless:
        problem = display_problem(os.environ)
        if problem is not None:
            raise CliError(problem)
    output = run_folder(args)
    with interruption_marked(output, kind="scenario-run"):
        starting = tr(
            "memutar ulang {id} '{title}' ({windows}, gerak lambat {slowmo} ms), keluaran di "
            "{output}",
            id=entry.scenario_id,
            title=entry.title,
            windows=tr("tanpa jendela") if args.headless else tr("berjendela"),
            slowmo=f"{args.slowmo:g}",
            output=output,
        )
        print(f"spse-sim: {starting}", flush=True)
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
                movie=args.mp4,
                catalog=catalog,
            )
        )
    if result.outcome is not None:
        print(format_outcomes([result.outcome]))
    for video in result.videos:
        print(tr("video: {path} ({size} byte)", path=video, size=video.stat().st_size))
    if result.captions is not None:
        print(tr("keterangan: {path}", path=result.captions))
    if result.player is not None:
        print(tr("pemutar (buka di browser): {path}", path=result.player))
    if result.movie is not None:
        print(tr("video gabungan: {path}", path=result.movie))
    if result.movie_problem:
        print(f"spse-sim: {result.movie_problem}", file=sys.stderr)
    for shot in result.screenshots:
        print(tr("screenshot pada kegagalan: {path}", path=shot))
    if args.video and not result.videos:
        print("spse-sim: " + tr("tidak ada video yang terekam"), file=sys.stderr)
        return EXIT_FAILED
    return 0 if result.ok else EXIT_FAILED
