"""What a command says when it cannot do its work: one line on stderr and an exit code.

Commands raise ``CliError`` for a user's mistake they detect themselves; errors of the layers
below that carry a message meant for the user (an unknown scenario id, no Chromium, a folder
that is not a run) are turned into one by ``as_cli_error``, in ``simulator.cli.main``'s one
error boundary. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import errno
import sys

from simulator.scenarios.child import INTERRUPTED_EXIT_CODE
from spse_shared.language import tr

# Exit codes of every command: 0 all well, 1 something checked failed (a scenario, a refused
# file, a changed run), 2 nothing could be done (a mistake in the command, or an outside failure),
# 130 stopped by Ctrl-C (128 + SIGINT, as shells report it).
EXIT_FAILED = 1
EXIT_UNUSABLE = 2
EXIT_INTERRUPTED = INTERRUPTED_EXIT_CODE


class Stopped(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) stopped a run whose folder keeps what it finished: ``main`` says
    where, in its one line."""

    def __init__(self, output: object) -> None:
        super().__init__(str(output))
        self.output = output


# Errors of the layers below whose message is written for the user, by module and class name.
# They are looked up in sys.modules rather than imported: the commands import their layers only
# when they run (``spse-sim --help`` stays fast), and an exception whose module was never
# imported cannot have been raised.
USER_ERRORS = (
    ("simulator.scenarios.catalog", "CatalogError"),
    ("simulator.browser.launch", "BrowserNotFound"),
    ("simulator.trainer.replay", "ReplayError"),
    ("simulator.qa.compare", "CompareError"),
    ("simulator.evidence.bundle", "EvidenceError"),
    ("spse_shared.profile", "ProfileError"),
    ("simulator.demo.basic", "DataDirMismatch"),
    ("simulator.demo.basic", "PortBusy"),
    ("simulator.rush.plan", "RushError"),
    # The control plane of a fake SPSE refused or failed a request (a rush's preparation).
    ("simulator.harness.simcontrol", "SimControlError"),
)


class CliError(Exception):
    """A command cannot go on: ``message`` (one line, Bahasa Indonesia) and the exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_UNUSABLE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def as_cli_error(exc: BaseException) -> CliError | None:
    """``exc`` as the CliError the user sees, or None when it is not a known error (a bug)."""
    if isinstance(exc, CliError):
        return exc
    for module_name, class_name in USER_ERRORS:
        module = sys.modules.get(module_name)
        if module is not None and isinstance(exc, getattr(module, class_name)):
            return CliError(one_line(str(exc)))
    if isinstance(exc, OSError) and exc.errno is not None:
        # A folder or file the command had to read or write (outside a check of its own).
        where = f"{exc.filename}: " if exc.filename is not None else ""
        return CliError(
            tr("gagal mengakses berkas {where}{reason}", where=where, reason=describe_os_error(exc))
        )
    return None


# The operating system's reasons users meet most, in Indonesian; others keep the OS's text.
OS_REASONS = {
    errno.EACCES: "tidak ada izin",
    errno.EPERM: "tidak ada izin",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.ENOENT: "tidak ditemukan atau tidak dapat dibuat di sana",
    errno.ENOTDIR: "bagian dari jalurnya bukan folder",
    errno.EEXIST: "sudah ada dan bukan folder",
    errno.EISDIR: "berupa folder",
    errno.ENOSPC: "disk penuh",
}


def describe_os_error(exc: OSError) -> str:
    """Why an OSError happened, in words a user reads."""
    if exc.errno in OS_REASONS:
        return tr(OS_REASONS[exc.errno])
    return exc.strerror or one_line(str(exc))


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of spaces folded into single spaces."""
    return " ".join(text.split())
