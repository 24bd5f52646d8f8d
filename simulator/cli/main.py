"""``spse-sim``: the parser built from the command modules, and the one error boundary.

Each command lives in its own module (``simulator.cli.<command>``) with ``add_parser``, which
registers the command and its ``handler``. The layers below are imported by the handlers when
they run, not at the top of the command modules: building the parser imports every command
module, and ``spse-sim --help`` or ``list`` should not wait seconds for the browser, server and
report modules they never use.

The boundary (``main``): a known error (``simulator.cli.errors``) becomes one line on stderr
and an exit code; Ctrl-C stops with 130 and one line; a closed stdout (``spse-sim list |
head -1``) ends quietly. Nothing a user did or met outside shows a Python traceback; a bug does.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from simulator.cli import (
    check_file,
    compare,
    evidence,
    mail,
    merge,
    replay,
    report,
    run,
    rush,
    serve,
    tickets,
)
from simulator.cli import list as list_command
from simulator.cli.errors import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    Stopped,
    as_cli_error,
    one_line,
)
from simulator.cli.options import ArgumentParser, HelpFormatter, add_language, indonesian
from spse_shared.language import (
    LANGUAGE_ENV,
    LANGUAGES,
    choose_language,
    current_language,
    tr,
)

DISTRIBUTION = "spse-ca-sim"
# In the order `spse-sim --help` lists them.
COMMANDS = (
    run,
    list_command,
    check_file,
    serve,
    replay,
    compare,
    merge,
    report,
    evidence,
    tickets,
    mail,
    rush,
)


def installed_version() -> str:
    """The installed package's version (``spse-sim --version``)."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a checkout that was never installed
        return tr("(tidak terpasang)")


def build_parser() -> argparse.ArgumentParser:
    """``spse-sim`` and every command's sub-parser."""
    parser = ArgumentParser(
        prog="spse-sim",
        description="Simulator alur kerja SPSE 4.3 CA: fake SPSE + SpamKodok 2.",
        formatter_class=HelpFormatter,
        add_help=False,
    )
    indonesian(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {installed_version()}",
        help="tampilkan versi lalu keluar",
    )
    add_language(parser, default=current_language())
    subparsers = parser.add_subparsers(
        title="perintah", dest="command", required=True, metavar=tr("PERINTAH")
    )
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``spse-sim`` command; returns its exit code."""
    try:
        # The language first: the parser's help and every message after it speak it.
        chosen = language_asked(sys.argv[1:] if argv is None else argv)
        if chosen is not None:
            choose_language(chosen)
        else:
            warn_of_an_unknown_language(os.environ.get(LANGUAGE_ENV, ""))
        args = build_parser().parse_args(argv)  # usage errors: argparse's message, exit 2
        code: int = args.handler(args)
        sys.stdout.flush()  # a closed stdout shows here, inside the boundary
    except Stopped as stop:
        say(
            tr(
                "dihentikan oleh pengguna (Ctrl-C); yang sudah selesai ada di {output}",
                output=stop.output,
            )
        )
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        say(tr("dihentikan oleh pengguna (Ctrl-C)"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_FAILED
    except Exception as exc:
        error = as_cli_error(exc)
        if error is None:
            raise
        say(error.message)
        return error.exit_code
    return code


def language_asked(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` when it names a known language (the parser itself
    complains about an unknown one); given twice, before and after the command, the last one,
    as the parser reads it."""
    chosen = None
    for number, word in enumerate(argv):
        if word == "--":
            break
        value = None
        if word == "--lang" and number + 1 < len(argv):
            value = argv[number + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            chosen = value
    return chosen


def warn_of_an_unknown_language(value: str) -> None:
    """One line on stderr when $SPSE_SIM_LANG names no language this tool speaks: the run goes
    on in Bahasa Indonesia, but not without a word."""
    if value.strip() and value.strip().lower() not in LANGUAGES:
        say(
            tr(
                "${env}={value!r} bukan bahasa yang dikenal ({languages}): memakai Bahasa "
                "Indonesia",
                env=LANGUAGE_ENV,
                value=value,
                languages=", ".join(LANGUAGES),
            )
        )


def say(message: str) -> None:
    """One line on stderr, after whatever stdout had to say."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # stdout closed: the message still goes out
        silence_stdout()
    print(f"spse-sim: {one_line(message)}", file=sys.stderr, flush=True)


def silence_stdout() -> None:
    """Point stdout at /dev/null: its reader is gone, and the interpreter's flush at exit must
    not raise BrokenPipeError again (as Python's documentation of SIGPIPE recommends)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no real file (a test's capture): nothing to do
        pass


if __name__ == "__main__":
    sys.exit(main())
