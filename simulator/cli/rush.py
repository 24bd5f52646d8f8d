"""``spse-sim rush``: hundreds of vendors uploading in the last minute before the deadline.

By default the whole rush on this machine: a fake SPSE in a child process, the world arranged
through /_sim, sealed offers made in parallel processes, Locust headless in this process, a few
Chromium vendors, then the verdict from the server's own state (verdict.json, report.html,
Locust's HTML and CSV in the run folder). ``--kill-at`` kills the server (-9) mid-rush and starts
it again. ``--siapkan-saja`` and ``--nilai-saja`` are the first and last step of a rush run by
Locust's own master/workers across machines (README, "Deadline rush").
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.errors import EXIT_FAILED, CliError
from simulator.cli.options import add_output, add_profile, add_seed, new_command, run_folder

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim rush``, its options and its handler."""
    rush = new_command(
        subparsers,
        "rush",
        help="simulasikan ratusan penyedia mengunggah penawaran menjelang batas waktu (Locust)",
        description=(
            "Ratusan penyedia mengunggah penawaran pada menit terakhir sebelum batas waktu. "
            "Bawaannya seluruh rush di mesin ini: fake SPSE di proses anak, dunia disiapkan "
            "lewat /_sim, penawaran disegel di proses paralel, Locust tanpa tampilan di proses "
            "ini, beberapa penyedia di Chromium, lalu putusan dari keadaan server sendiri "
            "(verdict.json, report.html, HTML dan CSV Locust di folder run). --kill-at mematikan "
            "server (kill -9) di tengah rush lalu menjalankannya lagi. --siapkan-saja dan "
            "--nilai-saja adalah langkah pertama dan terakhir rush yang dijalankan master/worker "
            'Locust di beberapa mesin (README, "Deadline rush").'
        ),
    )
    rush.add_argument("--penyedia", type=int, default=50, help="jumlah penyedia")
    rush.add_argument(
        "--ukuran",
        default="1MiB",
        help="ukuran dokumen penawaran: 5MiB, rentang 1MiB-5MiB, atau bobot 200KiB:3,5MiB:1",
    )
    rush.add_argument(
        "--jendela",
        type=float,
        default=60.0,
        metavar="DETIK",
        help="para penyedia mulai dalam sekian detik terakhir sebelum batas waktu",
    )
    rush.add_argument(
        "--orang",
        type=int,
        default=3,
        help="penyedia nyata di Chromium yang menjalani halaman unggah selama rush",
    )
    rush.add_argument(
        "--proses",
        type=int,
        default=os.cpu_count() or 1,
        help="proses paralel untuk menyegel penawaran",
    )
    rush.add_argument(
        "--kill-at",
        type=float,
        metavar="DETIK",
        help="matikan server (kill -9) sekian detik setelah rush dimulai, lalu jalankan lagi",
    )
    add_profile(rush, "profil SPSE")
    add_seed(rush)
    add_output(rush)
    distributed = rush.add_argument_group("mode terdistribusi (Locust master/worker)")
    distributed.add_argument(
        "--siapkan-saja",
        action="store_true",
        help="hanya siapkan dunia dan rencana di server --base-url, tanpa menjalankan Locust",
    )
    distributed.add_argument(
        "--base-url", metavar="URL", help="SPSE lain, mis. http://host:8080/eproc4 (butuh /_sim)"
    )
    distributed.add_argument(
        "--control-token", metavar="TOKEN", help="token /_sim server itu (bawaan: $SPSE_SIM_TOKEN)"
    )
    distributed.add_argument(
        "--nilai-saja",
        metavar="FOLDER",
        help="hanya hitung putusan dari folder rencana dan log klien yang dikumpulkan",
    )
    distributed.add_argument(
        "--data-dir", metavar="DIR", help="folder data server (untuk --nilai-saja)"
    )
    rush.set_defaults(handler=handle)


def _say(text: str) -> None:
    print(text, flush=True)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    if args.penyedia < 1:
        raise CliError("--penyedia harus paling sedikit 1")
    if args.jendela <= 0:
        raise CliError("--jendela harus lebih dari 0 detik")
    if args.proses < 1:
        raise CliError("--proses harus paling sedikit 1")
    if args.kill_at is not None and args.kill_at <= 0:
        raise CliError("--kill-at harus lebih dari 0 detik")
    if args.nilai_saja:
        if not args.data_dir:
            raise CliError("--nilai-saja butuh --data-dir (folder data server fake SPSE)")
        return _judge_only(Path(args.nilai_saja), Path(args.data_dir))
    if args.siapkan_saja and not args.base_url:
        raise CliError("--siapkan-saja butuh --base-url (server yang akan diserbu)")
    if args.base_url and not args.siapkan_saja:
        raise CliError(
            "--base-url dipakai bersama --siapkan-saja; rush di server lain dijalankan oleh "
            "Locust master/worker (lihat README)"
        )
    # The plan module is light (no networking): the sizes are checked before any work starts.
    from simulator.rush.plan import Mix, PlanError, SizeMix

    try:
        sizes = SizeMix.parse(args.ukuran)
    except PlanError as exc:
        raise CliError(f"--ukuran: {exc}") from exc
    # Imported here, before any networking module: Locust patches the process for gevent when
    # it is imported (see simulator.cli.main for why the layers are imported by the handlers).
    from simulator.rush import engine  # noqa: F401
    from simulator.rush.prepare import RushOptions

    options = RushOptions(
        vendors=args.penyedia,
        sizes=sizes,
        window_s=args.jendela,
        profile=args.profile,
        seed=args.seed,
        processes=args.proses,
        mix=Mix(people=args.orang),
    )
    folder = run_folder(args)
    if args.siapkan_saja:
        return _prepare_only(args, options, folder)
    from simulator.rush.run import run_rush

    _say(f"Rush batas waktu: {args.penyedia} penyedia, folder {folder}")
    result = run_rush(options, folder=folder, kill_at=args.kill_at, people=args.orang > 0, say=_say)
    return _summary(result.verdict, result.report)


def _prepare_only(args: argparse.Namespace, options: object, folder: Path) -> int:
    from simulator.cli.serve import TOKEN_ENV
    from simulator.rush.plan import PLAN_NAME
    from simulator.rush.prepare import RushOptions
    from simulator.rush.run import prepare_only

    assert isinstance(options, RushOptions)
    token = args.control_token or os.environ.get(TOKEN_ENV) or None
    plan = prepare_only(
        options, folder=folder, base_url=args.base_url, control_token=token, say=_say
    )
    _say(f"Rencana rush ditulis: {folder / PLAN_NAME} ({len(plan.uploaders())} penyedia).")
    _say("Salin folder ini ke setiap mesin worker, lalu jalankan Locust (lihat README).")
    return 0


def _judge_only(folder: Path, data_dir: Path) -> int:
    from simulator.rush.judging import judge_folder, write_outputs

    verdict = judge_folder(folder, data_dir)
    return _summary(verdict, write_outputs(folder, verdict))


def _summary(verdict: object, report: Path | None) -> int:
    from simulator.rush.verdict import Verdict

    assert isinstance(verdict, Verdict)
    counts = verdict.counts
    latency = verdict.latency
    listing = verdict.tender_list
    _say(
        f"Tanda terima {counts['tanda_terima']}, ditolak karena batas waktu "
        f"{counts['ditolak_batas_waktu']}, hilang {counts['hilang']}, ganda {counts['ganda']}."
    )
    _say(
        f"Waktu sampai tanda terima p50 {latency['p50']:.0f} ms, p99 {latency['p99']:.0f} ms; "
        f"halaman daftar tender p95 {listing['p95']:.0f} ms."
    )
    for finding in verdict.findings[:10]:
        _say(f"  TEMUAN {finding.check}: {finding.vendor}: {finding.detail}")
    if report is not None:
        _say(f"Laporan: {report}")
    _say("Putusan: LULUS" if verdict.passed else "Putusan: GAGAL")
    sys.stdout.flush()
    return 0 if verdict.passed else EXIT_FAILED
