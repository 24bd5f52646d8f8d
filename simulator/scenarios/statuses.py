"""A scenario's status: the codes a run folder stores (outcomes.json, index.json) and the word
people read for each, the same word in the terminal, the HTML reports and the regression
matrix.

A module of its own, without pytest, so that the CLI and the reports can name statuses without
importing the scenario machinery.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spse_shared.language import tr

if TYPE_CHECKING:
    import pytest

PASSED = "passed"
FAILED = "failed"
FLAKY = "flaky"  # failed, then passed when re-run
NOT_APPLICABLE = "n/a"  # not for this profile, or needs /_sim on a --base-url deployment
SKIPPED = "skipped"
# Not green: what fails a run (spse-sim's exit code, junit's failures).
FAILING = (FAILED, FLAKY)
# Not tested here: what junit calls skipped.
NOT_TESTED = (NOT_APPLICABLE, SKIPPED)
# Worst first: how reports order and count statuses.
STATUS_ORDER = (FAILED, FLAKY, PASSED, NOT_APPLICABLE, SKIPPED)
# What a reader sees for each status, in Bahasa Indonesia (``status_word``: the chosen language).
STATUS_WORDS = {
    PASSED: "lolos",
    FAILED: "gagal",
    FLAKY: "flaky",
    NOT_APPLICABLE: "tidak berlaku",
    SKIPPED: "dilewati",
}
# How a skip reason marks a scenario not applicable, in every language: it is how the status is
# told apart from a plain skip (``skip_status``).
NOT_APPLICABLE_MARK = "N/A"


def status_word(status: str) -> str:
    """The word a reader sees for ``status`` in the chosen language ("-": none yet)."""
    word = STATUS_WORDS.get(status)
    if word is not None:
        return tr(word)
    return status or "-"


def status_label(status: str) -> str:
    """``status_word`` as a terminal column shows it, in capitals (like pytest's PASSED)."""
    return status_word(status).upper()


def status_label_width() -> int:
    """The width of the terminal's status column: its longest label in the chosen language."""
    return max(len(status_label(status)) for status in STATUS_ORDER)


def not_applicable_reason(why: str) -> str:
    """The skip reason of a scenario that does not apply here (``pytest.skip``'s message)."""
    return f"{NOT_APPLICABLE_MARK}: {why}"


def report_status(report: pytest.TestReport) -> str:
    """``passed``, ``failed``, ``n/a`` (skipped as not applicable) or ``skipped``."""
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
        marks = (NOT_APPLICABLE_MARK, f"Skipped: {NOT_APPLICABLE_MARK}")
        return NOT_APPLICABLE if str(reason).startswith(marks) else SKIPPED
    return PASSED if report.passed else FAILED
