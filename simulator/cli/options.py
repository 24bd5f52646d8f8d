"""What several commands share: their help format, common options, and the checks made before
a command starts work (an output folder it can write, a display, a reachable URL)."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from simulator.cli.errors import CliError, Stopped, describe_os_error, one_line
from simulator.testdata.seed import DEFAULT_SEED
from spse_shared.language import LANGUAGE_ENV, LANGUAGES, tr
from spse_shared.profile import DEFAULT_PROFILE, available_profiles

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

# How long `--base-url` may take to answer the check before a run.
REACH_TIMEOUT_S = 15.0


# argparse's own complaints (English in the standard library), as patterns and their
# Indonesian source text (``tr`` gives the English back when English is chosen).
_ARGPARSE_ERRORS = (
    (re.compile(r"unrecognized arguments: (?P<a>.*)"), "argumen tidak dikenal: {a}"),
    (
        re.compile(r"the following arguments are required: (?P<a>.*)"),
        "argumen berikut wajib diisi: {a}",
    ),
    (
        re.compile(r"argument (?P<a>.*?): invalid choice: (?P<b>.*?) \(choose from (?P<c>.*)\)"),
        "argumen {a}: pilihan tidak sah: {b} (pilih dari {c})",
    ),
    (re.compile(r"argument (?P<a>.*?): expected one argument"), "argumen {a}: butuh satu nilai"),
    (
        re.compile(r"argument (?P<a>.*?): invalid (?P<b>\w+) value: (?P<c>.*)"),
        "argumen {a}: nilai {c} tidak sah (harus {b})",
    ),
    (
        re.compile(r"argument (?P<a>.*?): not allowed with argument (?P<b>.*)"),
        "argumen {a} tidak boleh bersama argumen {b}",
    ),
    (
        re.compile(r"ambiguous option: (?P<a>.*?) could match (?P<b>.*)"),
        "opsi {a} ambigu, bisa berarti {b}",
    ),
    (re.compile(r"argument (?P<a>.*?): (?P<b>.*)"), "argumen {a}: {b}"),
)


def usage_error(message: str) -> str:
    """argparse's complaint about the command line, in the chosen language."""
    for pattern, text in _ARGPARSE_ERRORS:
        found = pattern.fullmatch(message)
        if found:
            return tr(text, **found.groupdict())
    return message


class ArgumentParser(argparse.ArgumentParser):
    """argparse with its complaints in the chosen language: usage, then one line, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {usage_error(message)}\n")


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help in the chosen language, with each option's default when it is telling."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = tr(action.help or "")
        default = action.default
        # Identity, not equality: a default of 0 is telling, False (a flag) is not.
        untold = default is None or default is False or default is argparse.SUPPRESS
        if "%(default)" in text or untold or default == []:
            return text
        return f"{text} ({tr('bawaan')}: %(default)s)"

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, tr("cara pakai: ") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(tr(heading) if heading else heading)

    def _format_text(self, text: str) -> str:
        return super()._format_text(tr(text))


def indonesian(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``parser`` (made with ``add_help=False``) with -h and its section titles in the chosen
    language (Bahasa Indonesia unless English was asked for)."""
    parser.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
    parser._positionals.title = "argumen"
    parser._optionals.title = "opsi"
    return parser


def new_command(
    subparsers: Subparsers, name: str, *, help: str, description: str | None = None
) -> argparse.ArgumentParser:
    """A sub-command's parser with the shared help format."""
    parser = subparsers.add_parser(
        name,
        help=help,
        description=description or help,
        formatter_class=HelpFormatter,
        add_help=False,
    )
    indonesian(parser)
    # After the command too (``spse-sim run --lang en``): main reads it from the whole command
    # line before parsing; here it is only accepted, and the top-level value stays.
    add_language(parser, default=argparse.SUPPRESS)
    return parser


def add_language(parser: argparse.ArgumentParser, *, default: str) -> None:
    """``--lang``: the language of everything the command prints."""
    parser.add_argument(
        "--lang",
        choices=tuple(LANGUAGES),
        default=default,
        help=tr(
            "bahasa semua keluaran: id (Bahasa Indonesia) atau en (English); juga ${env}",
            env=LANGUAGE_ENV,
        ),
    )


def add_profile(parser: argparse.ArgumentParser | argparse._ArgumentGroup, help: str) -> None:
    """``--profile``: one of the installed profiles."""
    parser.add_argument(
        "--profile", default=DEFAULT_PROFILE, choices=available_profiles(), help=help
    )


def add_seed(parser: argparse.ArgumentParser, help: str = "seed Faker untuk data uji") -> None:
    """``--seed``: the Faker seed of the test data."""
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=help)


def add_catalog(parser: argparse.ArgumentParser) -> None:
    """``--catalog``: a folder of user-written .feature files."""
    parser.add_argument(
        "--catalog",
        metavar="DIR",
        help="folder berisi file .feature (bawaan: $SPSE_SIM_CATALOG, "
        "atau katalog yang terpasang bersama paket)",
    )


def add_slowmo(parser: argparse.ArgumentParser, *, default: float) -> None:
    """``--slowmo MS``: Playwright's slow_mo, a pause before every browser action."""
    parser.add_argument(
        "--slowmo",
        type=milliseconds_value,
        default=default,
        metavar="MS",
        help="perlambat setiap aksi browser sebanyak MS milidetik",
    )


def milliseconds_value(text: str) -> float:
    """0 or more milliseconds."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(tr("harus 0 atau lebih milidetik: {text!r}", text=text))
    return value


def add_output(parser: argparse.ArgumentParser) -> None:
    """``--output`` and ``--runs-dir``: where a run leaves its folder (see ``run_folder``)."""
    parser.add_argument(
        "--output",
        metavar="DIR",
        help="folder keluaran, baru atau kosong (bawaan: folder baru di bawah --runs-dir)",
    )
    parser.add_argument(
        "--runs-dir", metavar="DIR", default="runs", help="induk folder keluaran baru"
    )


@contextmanager
def interruption_marked(output: Path, *, kind: str) -> Iterator[None]:
    """On Ctrl-C (or SIGTERM, taken as one), mark the run folder's index.json interrupted, then
    let the Ctrl-C go on as ``Stopped``, which names the folder."""
    # Imported here: the evidence modules take a second to import (see simulator.cli.main).
    from simulator.evidence.interruption import mark_interrupted
    from simulator.harness.stop_signals import sigterm_as_ctrl_c

    try:
        with sigterm_as_ctrl_c():
            yield
    except KeyboardInterrupt as stop:
        mark_interrupted(output, kind=kind)
        raise Stopped(output) from stop


# Checks before the work starts -----------------------------------------------------------------
def writable_folder(path: Path, option: str) -> Path:
    """``path``, created when missing, once a file could be written in it.

    On failure nothing is left behind (folders it created are removed) and a CliError names
    the option, the folder and why.
    """
    created = [p for p in (path, *path.parents) if not p.exists()]  # deepest first
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        for folder in created:
            try:
                folder.rmdir()
            except OSError:
                break
        raise CliError(
            tr(
                "{option} {path}: folder tidak dapat ditulis ({reason})",
                option=option,
                path=path,
                reason=describe_os_error(exc),
            )
        ) from exc
    return path


def run_folder(args: argparse.Namespace) -> Path:
    """The output folder of a run: ``--output``, or a new one under ``--runs-dir``; writable."""
    # Imported here: the journey's modules take seconds to import (see simulator.cli.main).
    from simulator.harness.run_folder import claim_output_dir, fresh_output_dir

    if args.output:
        output = Path(args.output)
        if output.is_dir() and any(output.iterdir()):
            # A run writes its server's data, its evidence and its index here: in a folder
            # holding an earlier run it would reuse that run's state and mix the two records.
            raise CliError(
                tr(
                    "--output {path}: folder sudah berisi file; pilih folder baru atau yang "
                    "kosong (atau tanpa --output: folder baru di bawah --runs-dir)",
                    path=output,
                )
            )
        writable_folder(output, "--output")
        if not claim_output_dir(output):
            raise CliError(
                tr("--output {path}: folder sedang dipakai run lain; pilih yang lain", path=output)
            )
        return output
    return fresh_output_dir(writable_folder(Path(args.runs_dir), "--runs-dir"))


def require_display(option: str) -> None:
    """A CliError when a headed browser has no screen here (Linux without X11 or Wayland)."""
    from simulator.trainer.replay import no_display  # import time, as above

    why = no_display(os.environ)
    if why is None:
        return
    raise CliError(
        tr(
            "{option} butuh layar, tetapi {why}: jalankan tanpa {option} (browser berjalan "
            "tanpa jendela), atau dari sesi desktop komputer ini",
            option=option,
            why=why,
        )
    )


def require_reachable(url: str) -> None:
    """A CliError when nothing answers at ``url`` (any HTTP answer will do)."""
    import httpx  # import time, as above

    try:
        # verify=False: the question is whether anyone answers; a deployment's own TLS setup
        # is the browser's business.
        httpx.get(url, timeout=REACH_TIMEOUT_S, verify=False, follow_redirects=False)
    except httpx.TransportError as exc:
        reason = one_line(str(exc)) or type(exc).__name__
        raise CliError(
            tr("tidak dapat menghubungi URL {url}: {reason}", url=url, reason=reason)
        ) from exc


def existing_folder(path: Path) -> Path:
    """``path`` when it is a folder; a CliError saying whether it is missing or a file."""
    if path.is_dir():
        return path
    if path.exists():
        raise CliError(tr("{path}: bukan folder", path=path))
    raise CliError(tr("{path}: folder tidak ada", path=path))


def find_data_dir(given: Path, marker: Path | str) -> Path | None:
    """The fake SPSE data directory at ``given``: ``given`` if it holds ``marker``, else its
    ``data/`` folder if that does (a run folder), else None; a CliError when ``given`` is not a
    folder."""
    existing_folder(given)
    for candidate in (given, given / "data"):
        if (candidate / marker).is_file():
            return candidate
    return None
