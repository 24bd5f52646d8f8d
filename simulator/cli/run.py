"""``spse-sim run``: a journey (no ids), or catalog scenarios in QA mode, then tickets.

``spse-sim run`` walks the CA journey on the embedded fake SPSE (``--journey seleksi``: the
Seleksi dua file to its winner). With ids, ``--all`` or ``-k``
it runs catalog scenarios (``-n`` workers, ``--reruns``, another deployment with
``--base-url``, the regression matrix ``--compare-with``); ``--ticket`` then lets each vendor who
met an error file an LPSE Support ticket.

The layers below are imported in the functions that use them (see simulator.cli.main).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.errors import EXIT_FAILED, CliError
from simulator.cli.formatting import echo_step, print_summary
from simulator.cli.options import (
    add_catalog,
    add_output,
    add_profile,
    add_seed,
    add_slowmo,
    interruption_marked,
    new_command,
    require_display,
    require_reachable,
    run_folder,
)
from simulator.scenarios.artifacts import (
    ARTIFACT_CHOICES,
    ARTIFACTS_ALWAYS,
    RUN_DEFAULT,
    effective_artifacts,
    records,
    retry_modes,
)
from simulator.scenarios.statuses import NOT_TESTED, status_label, status_label_width
from spse_shared.language import tr

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers
    from simulator.journey.run import RunResult
    from simulator.qa.tickets import TicketResult
    from simulator.scenarios.catalog import CatalogEntry
    from simulator.scenarios.shard import Shard


# The journeys of simulator.journey.run.JOURNEYS (named here: the CLI imports the layers below
# only in the functions that use them); the first is the default.
JOURNEY_CHOICES = ("ca", "seleksi")


def workers_value(text: str) -> str:
    """pytest-xdist's ``-n``: a positive number, "auto" or "logical"."""
    if text in ("auto", "logical") or (text.isdigit() and int(text) > 0):
        return text
    raise argparse.ArgumentTypeError(
        tr("harus bilangan positif, 'auto' atau 'logical': {text!r}", text=text)
    )


def base_url_value(text: str) -> str:
    """An http(s) URL, without its trailing slash."""
    if not text.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(
            tr("harus URL http(s), misalnya http://host/eproc4: {text!r}", text=text)
        )
    return text.rstrip("/")


def reruns_value(text: str) -> int:
    """0 or a positive number."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(tr("harus 0 atau bilangan positif: {text!r}", text=text))
    return int(text)


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim run``, its options and its handler."""
    run = new_command(
        subparsers,
        "run",
        help="jalankan perjalanan CA (tanpa id) atau skenario katalog pada server bawaan",
    )
    run.add_argument("ids", nargs="*", metavar="ID", help="id skenario, misalnya KODOK-003")
    run.add_argument(
        "--journey",
        choices=JOURNEY_CHOICES,
        default=JOURNEY_CHOICES[0],
        help="perjalanan yang dijalankan tanpa id: 'ca' (Tender Pascakualifikasi Satu File "
        "sampai pembukaan) atau 'seleksi' (Seleksi Prakualifikasi Dua File, Jasa Konsultansi, "
        "sampai pemenang)",
    )
    run.add_argument("--all", action="store_true", help="jalankan seluruh katalog skenario")
    run.add_argument(
        "-k",
        dest="keyword",
        metavar="EXPR",
        help="jalankan skenario yang namanya cocok dengan ekspresi -k pytest ini",
    )
    run.add_argument(
        "--tag",
        action="append",
        default=[],
        help="jalankan skenario yang punya tag ini, seperti 'list --tag' "
        "(dapat diulang: semua harus ada)",
    )
    add_catalog(run)
    add_profile(run, "profil SPSE yang dijalankan server bawaan")
    add_seed(run)
    run.add_argument("--headed", action="store_true", help="tampilkan jendela browser")
    add_slowmo(run, default=0)
    add_output(run)
    run.add_argument(
        "--evidence",
        action="store_true",
        help="tulis laporan Word juga ketika tidak ada yang gagal",
    )
    run.add_argument(
        "--artifacts",
        choices=ARTIFACT_CHOICES,
        default=RUN_DEFAULT,
        help="trace Playwright dan tangkapan layar per langkah. on-first-retry: percobaan "
        "pertama tidak merekam (yang lolos tidak menanggung biaya rekaman); skenario atau "
        "perjalanan yang gagal dijalankan ulang sekali dengan rekaman lengkap, bukti lengkapnya "
        "ada di rerun-1/. on-failure: setiap percobaan merekam, yang gagal menyimpannya. always: "
        "simpan semuanya (--ticket dan --evidence menyimpan semua)",
    )
    qa = run.add_argument_group("mode QA (dengan id, --all atau -k)")
    qa.add_argument(
        "-n",
        "--workers",
        type=workers_value,
        metavar="N",
        help="jalankan skenario dalam N proses paralel (pytest-xdist; 'auto' = jumlah CPU + 1)",
    )
    qa.add_argument(
        "--reruns",
        type=reruns_value,
        default=0,
        metavar="N",
        help="ulangi skenario yang gagal hingga N kali; yang lolos kemudian dilaporkan flaky "
        "(dengan --artifacts on-first-retry, pengulangan pertama selalu terjadi dan merekam)",
    )
    qa.add_argument(
        "--base-url",
        type=base_url_value,
        metavar="URL",
        help="jalankan pada deployment lain (tanpa /_sim: skenario yang membutuhkannya N/A)",
    )
    qa.add_argument(
        "--compare-with",
        action="append",
        default=[],
        metavar="RUN",
        help="tambahkan matriks regresi terhadap run sebelumnya ini ke laporan (dapat diulang)",
    )
    qa.add_argument(
        "--shard",
        metavar="I/N",
        help="jalankan bagian I dari N skenario yang dipilih (bagian dengan jumlah langkah "
        "setara), untuk matriks CI; gabungkan hasilnya dengan 'spse-sim merge'",
    )
    qa.add_argument(
        "--allow-all-na",
        dest="allow_all_na",
        action="store_true",
        help="keluar dengan 0 walau semua skenario yang dipilih tidak berlaku untuk profil ini "
        "(bawaan: run seperti itu tidak menguji apa pun, jadi keluar dengan 1)",
    )
    qa.add_argument(
        "--ticket",
        action="store_true",
        help="setelah skenario, setiap penyedia yang menemui error membuat tiket LPSE Support",
    )
    run.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    scenarios = bool(args.ids or args.all or args.keyword or args.tag)
    if args.ticket and (not scenarios or args.base_url):
        raise CliError(tr("--ticket butuh id skenario, --all, --tag atau -k, tanpa --base-url"))
    if args.shard is not None and not scenarios:
        raise CliError(tr("--shard hanya berlaku dengan id skenario, --all, --tag atau -k"))
    if scenarios:
        if args.journey != JOURNEY_CHOICES[0]:
            raise CliError(tr("--journey hanya berlaku tanpa id skenario, --all, --tag atau -k"))
        return run_catalog(args)
    if args.base_url:
        raise CliError(
            tr("perjalanan CA butuh /_sim: gunakan --base-url bersama id skenario, --all atau -k")
        )
    return walk_journey(args)


def walk_journey(args: argparse.Namespace) -> int:
    """The CA journey on the embedded fake SPSE, step by step.

    The first line is printed before anything slow; then the journey's lanes launch their
    Chromium on their own threads while the journey's modules are imported here. As catalog
    scenarios do (``--artifacts``, simulator/scenarios/artifacts.py), a first walk under
    ``on-first-retry`` records no trace and no step screenshots; a failed one is walked once
    more, recording everything, in ``rerun-1/``.
    """
    from simulator.harness.run_folder import rerun_folder  # import time (simulator.cli.main)

    if args.headed:
        require_display("--headed")
    output = run_folder(args)
    artifacts = effective_artifacts(args.artifacts, evidence=args.evidence)
    first_error: str | None = None
    with interruption_marked(output, kind="journey"):
        where = {"profile": args.profile, "output": output}
        starting = (
            tr("perjalanan CA pada fake SPSE bawaan ({profile}), keluaran di {output}", **where)
            if args.journey == "ca"
            else tr(
                "perjalanan Seleksi dua file pada fake SPSE bawaan ({profile}), keluaran di "
                "{output}",
                **where,
            )
        )
        print(f"spse-sim: {starting}", flush=True)
        result = walk_once(args, output, recording=records(artifacts))
        # The catalog's re-run policy (one recorded re-run under on-first-retry), no --reruns.
        for number, mode in enumerate(retry_modes(artifacts, reruns=0), start=1):
            if result.ok:
                break
            first_error = first_error or result.error or tr("langkah gagal")
            again = tr(
                "perjalanan gagal: {error}. Menjalankan ulang sekali dengan rekaman lengkap "
                "(trace, tangkapan layar per langkah), bukti di {folder}",
                error=first_error,
                folder=f"{rerun_folder(number)}/",
            )
            print(f"spse-sim: {again}", flush=True)
            result = walk_once(args, output / rerun_folder(number), recording=records(mode))
    if result.report is not None:
        print("spse-sim: " + tr("laporan Word: {path}", path=result.report))
    else:
        print(
            "spse-sim: "
            + tr("laporan Word dapat dibuat dengan: spse-sim evidence {output}", output=output)
        )
    if result.ok and first_error is None:
        done = tr(
            "perjalanan lolos ({n} langkah). Keluaran: {output}", n=len(result.steps), output=output
        )
        print(f"spse-sim: {done}")
        return 0
    if result.ok:
        # As a flaky catalog scenario: reported, and the run does not pass.
        flaky = tr(
            "perjalanan FLAKY: gagal lalu lolos saat diulang ({n} langkah); kegagalan pertama: "
            "{error}. Keluaran: {output}",
            n=len(result.steps),
            error=first_error,
            output=output,
        )
        print(f"spse-sim: {flaky}", file=sys.stderr)
        return EXIT_FAILED
    failed = tr("perjalanan GAGAL: {error}. Keluaran: {output}", error=result.error, output=output)
    print(f"spse-sim: {failed}", file=sys.stderr)
    return EXIT_FAILED


def walk_once(args: argparse.Namespace, output: Path, *, recording: bool) -> RunResult:
    """One walk of the journey into ``output``, on lanes started for it (closed after)."""
    from simulator.harness.gc_settings import collect_rarely, settle_after_startup
    from simulator.journey import start_lanes

    collect_rarely()  # what is imported from here on lives to the end of the walk
    lanes = start_lanes(args.journey, headless=not args.headed, slow_mo_ms=args.slowmo)
    try:
        from simulator.harness.environment import RunOptions
        from simulator.journey.run import run_journey

        settle_after_startup()

        options = RunOptions(
            output_dir=output,
            profile=args.profile,
            seed=args.seed,
            headless=not args.headed,
            slow_mo_ms=args.slowmo,
        )
        return run_journey(
            options,
            echo=echo_step,
            evidence=args.evidence,
            journey_name=args.journey,
            lanes=lanes,
            recording=recording,
        )
    finally:
        # The run closes its lanes; these are the ones it never took over.
        for lane in lanes.values():
            lane.close()


def run_catalog(args: argparse.Namespace) -> int:
    """Catalog scenarios in a child pytest (QA mode), their table, report and tickets."""
    from simulator.qa.compare import load_run
    from simulator.qa.run import run_qa
    from simulator.scenarios.catalog import find_catalog_dir, load_catalog, select
    from simulator.scenarios.run import ScenarioRunRequest
    from simulator.scenarios.shard import parse_shard

    # Everything that can be refused is checked before the (long) run starts.
    catalog = Path(args.catalog) if args.catalog else None
    entries = load_catalog(find_catalog_dir(catalog))
    chosen = select(entries, ids=args.ids, tags=args.tag)
    ids = list(args.ids)
    if args.tag:
        if not chosen:
            raise CliError(
                tr("tidak ada skenario dengan tag {tags}", tags=tr(" dan ").join(args.tag))
            )
        ids = [entry.scenario_id for entry in chosen]
    for earlier in args.compare_with:
        load_run(Path(earlier))
    shard = None
    if args.shard is not None:
        try:
            shard = parse_shard(args.shard)
        except argparse.ArgumentTypeError as exc:
            raise CliError(f"--shard: {exc}") from None
    # A ticket attaches the vendor's screenshots, so a --ticket run keeps them for passes too.
    artifacts = ARTIFACTS_ALWAYS if args.ticket else args.artifacts
    if args.headed:
        require_display("--headed")
    if args.base_url:
        require_reachable(args.base_url)
    output = run_folder(args)
    with interruption_marked(output, kind="scenario-run"):
        print(f"spse-sim: {starting_line(args, chosen, shard, output)}", flush=True)
        qa = run_qa(
            ScenarioRunRequest(
                output_dir=output,
                ids=ids,
                keyword=args.keyword,
                profile=args.profile,
                headed=args.headed,
                slow_mo_ms=args.slowmo,
                seed=args.seed,
                evidence=args.evidence,
                workers=args.workers,
                base_url=args.base_url,
                artifacts=artifacts,
                shard=str(shard) if shard is not None else None,
                catalog=catalog,
            ),
            reruns=args.reruns,
            compare_with=[Path(p) for p in args.compare_with],
            on_rerun=announce_rerun,
        )
        outcomes = qa.outcomes
        if qa.interrupted:
            for cut in qa.unfinished:
                print(
                    "spse-sim: "
                    + tr(
                        "{id} terhenti di tengah jalan; langkah yang sudah dijalankan ada di "
                        "{folder}",
                        id=cut.scenario_id,
                        folder=output / cut.folder,
                    ),
                    file=sys.stderr,
                )
            # The ending every Ctrl-C has, wherever it came: spse-sim's main says in one line
            # on stderr where the finished scenarios are, exit 130.
            raise KeyboardInterrupt
        if not outcomes:
            code = qa.pytest_exit_code
            why = (
                nothing_matched(args)
                if code in (0, 5)
                else tr(
                    "pytest berhenti dengan kode {code} sebelum skenario mana pun selesai",
                    code=code,
                )
            )
            print("spse-sim: " + tr("{why}; tidak ada yang dijalankan", why=why), file=sys.stderr)
            return EXIT_FAILED
        print_summary(outcomes, output, qa.report, qa.elapsed_s)
        print_scenario_reports(output)
        code = qa.exit_code
        if all(o.status in NOT_TESTED for o in outcomes):
            none_tested = (
                tr(
                    "semua {n} skenario tidak berlaku untuk profil {profile} atau butuh /_sim, "
                    "yang tidak ada pada --base-url: tidak ada yang diuji",
                    n=len(outcomes),
                    profile=args.profile,
                )
                if args.base_url
                else tr(
                    "semua {n} skenario tidak berlaku untuk profil {profile}: tidak ada yang diuji",
                    n=len(outcomes),
                    profile=args.profile,
                )
            )
            accept = "" if args.allow_all_na else " " + tr("(--allow-all-na menerimanya)")
            print(f"spse-sim: {none_tested}{accept}", file=sys.stderr)
            code = code if args.allow_all_na else max(code, EXIT_FAILED)
        if args.ticket:
            code = file_tickets_after(output, headed=args.headed, code=code)
    return code


def starting_line(
    args: argparse.Namespace, chosen: Sequence[CatalogEntry], shard: Shard | None, output: Path
) -> str:
    """What the run is about to do: how many scenarios (of its shard), where it writes."""
    # Imported here: import time (simulator.cli.main).
    from simulator.scenarios.shard import scenario_weight, shard_keys

    if args.ids or args.tag:
        what = tr("{n} skenario", n=len(chosen))
        # With -k as well, which scenarios (and rows) remain is the child's to find.
        if shard is not None and not args.keyword:
            weights = {
                e.scenario_id: scenario_weight(e.steps, e.tags, args.profile) for e in chosen
            }
            mine = shard_keys(weights, shard)
            what = tr(
                "shard {shard}: {k} dari {n} skenario", shard=shard, k=len(mine), n=len(chosen)
            )
        elif shard is not None:
            what = tr("shard {shard} dari {what}", shard=shard, what=what)
    elif args.keyword:
        what = tr("skenario yang cocok dengan -k {keyword}", keyword=repr(args.keyword))
        if shard is not None:
            what = tr("shard {shard} dari {what}", shard=shard, what=what)
    else:
        what = tr("semua skenario")
        if shard is not None:
            what = tr("shard {shard} dari {what}", shard=shard, what=what)
    return tr(
        "{what} pada {profile}, keluaran di {output}",
        what=what,
        profile=args.profile,
        output=output,
    )


def announce_rerun(number: int, scenarios: int, recording: bool) -> None:
    """A line before a re-run of the failed scenarios, saying whether it records."""
    from simulator.harness.run_folder import rerun_folder  # import time (simulator.cli.main)

    folder = f"{rerun_folder(number)}/"
    line = (
        tr(
            "menjalankan ulang {n} skenario yang gagal dengan rekaman lengkap (trace, tangkapan "
            "layar per langkah), bukti di {folder}",
            n=scenarios,
            folder=folder,
        )
        if recording
        else tr(
            "menjalankan ulang {n} skenario yang gagal, di {folder}", n=scenarios, folder=folder
        )
    )
    print(f"spse-sim: {line}", flush=True)


def nothing_matched(args: argparse.Namespace) -> str:
    """Why a run found no scenario, naming what was asked for."""
    asked = []
    if args.ids:
        asked.append(tr("id {ids}", ids=", ".join(args.ids)))
    if args.keyword:
        asked.append(f"-k {args.keyword!r}")
    if args.shard:
        asked.append(f"--shard {args.shard}")
    if not asked:
        return tr("katalog tidak berisi skenario")
    return tr("tidak ada skenario yang cocok dengan {asked}", asked=tr(" dan ").join(asked))


def print_scenario_reports(run_dir: Path) -> None:
    """Bring the run's index.json up to date (files written after it, re-runs), then print the
    Word report of every scenario that has one."""
    from simulator.evidence.bundle import refresh_scenario_run_index

    index_path = refresh_scenario_run_index(run_dir)
    if index_path is None:
        return
    printed = 0
    width = status_label_width()
    for entry in json.loads(index_path.read_text(encoding="utf-8")).get("scenarios", []):
        if entry.get("report"):
            report = run_dir / entry["report"]
            word = f"{status_label(entry['status']):<{width}}"
            print(f"{entry['scenario_id']:<10} {word} {tr('laporan Word: {path}', path=report)}")
            printed += 1
    if not printed:
        print(
            tr(
                "Laporan Word per skenario dapat dibuat dengan: spse-sim evidence {output}",
                output=run_dir,
            )
        )


def file_tickets_after(output: Path, *, headed: bool, code: int) -> int:
    """``--ticket``: a ticket per vendor who met an error; the run's exit code, 1 if any failed."""
    from simulator.qa.tickets import file_tickets

    print("spse-sim: " + tr("membuat tiket LPSE Support (id skenario -> nomor tiket)"), flush=True)
    results = file_tickets(output, headed=headed, echo=print_ticket)
    if not results:
        print("spse-sim: " + tr("tidak ada penyedia yang menemui error: tidak ada tiket dibuat"))
    return code if all(r.number for r in results) else max(code, EXIT_FAILED)


def print_ticket(result: TicketResult) -> None:
    """One line per scenario: the ticket's number, or why none was filed."""
    if result.number is not None:
        print(f"{result.scenario_id:<10} -> {tr('tiket {n}', n=result.number)}", flush=True)
    else:
        missing = tr("tanpa tiket: {problem}", problem=result.problem)
        print(f"{result.scenario_id:<10} -> {missing}", flush=True)
