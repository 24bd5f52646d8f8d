"""The rollout regression matrix: which scenarios changed outcome or message between runs.

A run is a folder written by ``spse-sim run --all`` (``outcomes.json``, and ``run.json`` for its
profile and target). Scenarios are matched by id and title (a Skenario konsep has one row per
Contoh). Each run after the first is compared with the first: a different status is an
"outcome" change, different expected or observed texts of its checks a "message" change, and a
scenario found in only one of them is "added" or "removed". Values that differ on every run by
design (hashes, certificate serial numbers: long hex or digit runs; server ports) do not count
as changes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.harness.run_folder import INDEX_NAME, INTERRUPTED, MANIFEST_NAME, OUTCOMES_NAME
from simulator.scenarios.run import ScenarioOutcome
from simulator.scenarios.statuses import status_label
from simulator.scenarios.unfinished import UnfinishedScenario, read_unfinished
from spse_shared.language import tr

Key = tuple[str, str]
OUTCOME = "outcome"
MESSAGE = "message"
ADDED = "added"
REMOVED = "removed"
# A kind of change as a reader sees it (Bahasa Indonesia; ``change_word`` in the chosen language).
CHANGE_WORDS = {OUTCOME: "hasil", MESSAGE: "pesan", ADDED: "baru", REMOVED: "hilang"}


class CompareError(ValueError):
    """A folder is not a scenario run (no readable outcomes.json)."""


@dataclass(frozen=True)
class RunRecord:
    """One scenario run, read back from its folder."""

    path: Path
    name: str
    manifest: dict[str, Any]
    outcomes: dict[Key, ScenarioOutcome]

    @property
    def profile(self) -> str:
        return str(self.manifest.get("profile", ""))

    @property
    def interrupted(self) -> bool:
        return self.manifest.get("status") == INTERRUPTED

    @property
    def unfinished(self) -> list[UnfinishedScenario]:
        """The scenarios Ctrl-C cut off (checked by ``load_run``)."""
        return read_unfinished(self.manifest.get("unfinished"))

    @property
    def label(self) -> str:
        return f"{self.name} ({self.profile})" if self.profile else self.name


def key_of(outcome: ScenarioOutcome) -> Key:
    return (outcome.scenario_id, outcome.title)


def load_run(path: Path) -> RunRecord:
    """A run folder's outcomes and manifest; CompareError when it is not a scenario run."""
    outcomes_path = path / OUTCOMES_NAME
    try:
        data = json.loads(outcomes_path.read_text(encoding="utf-8"))
        outcomes = [ScenarioOutcome.from_json(o) for o in data]
    except (OSError, ValueError, TypeError) as exc:
        raise CompareError(
            tr(
                "{path}: bukan run skenario ({name}: {reason})",
                path=path,
                name=OUTCOMES_NAME,
                reason=exc,
            )
        ) from exc
    manifest: dict[str, Any] = {}
    # run.json of ``spse-sim run``; a run made otherwise still has the evidence index.json.
    sources = ((MANIFEST_NAME, None), (INDEX_NAME, ("profile", "seed", "pytest_exit_code")))
    for name, keys in sources:
        manifest_path = path / name
        if not manifest_path.exists():
            continue
        try:
            found = json.loads(manifest_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise CompareError(f"{manifest_path}: {exc}") from exc
        manifest = found if keys is None else {k: found[k] for k in keys if k in found}
        break
    try:
        read_unfinished(manifest.get("unfinished"))
    except ValueError as exc:
        raise CompareError(
            tr(
                "{path}: daftar skenario yang terhenti (unfinished) rusak",
                path=path / MANIFEST_NAME,
            )
        ) from exc
    return RunRecord(
        path=path,
        name=path.resolve().name,
        manifest=manifest,
        outcomes={key_of(o): o for o in outcomes},
    )


# Values that differ on every run by design (hashes of freshly sealed offers, certificate
# serials, random keys): compared as placeholders, shown as they are.
VOLATILE = (
    (re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b", re.IGNORECASE), "<hex>"),
    # Long numbers, but not the 11 digits of a kode tender (running number + the LPSE's code),
    # which are the same on every run of a scenario.
    (re.compile(r"\b(?!\d{11}\b)\d{10,}\b"), "<angka>"),
    # Every scenario's embedded server listens on a free port of its own.
    (re.compile(r"(https?://[^/\s:]+):\d+"), r"\1:<port>"),
)


def normalized(text: str) -> str:
    for pattern, placeholder in VOLATILE:
        text = pattern.sub(placeholder, text)
    return text


def messages(outcome: ScenarioOutcome) -> tuple[tuple[str, str, str], ...]:
    """What a scenario expected and saw, check by check (the texts a user would read)."""
    return tuple((c.step, c.expected, c.observed) for c in outcome.checks)


def comparable(outcome: ScenarioOutcome) -> tuple[tuple[str, str, str], ...]:
    """``messages`` with the volatile values replaced: what a change is judged on."""
    return tuple((s, normalized(e), normalized(o)) for s, e, o in messages(outcome))


def changes(before: ScenarioOutcome | None, after: ScenarioOutcome | None) -> tuple[str, ...]:
    """How ``after`` differs from ``before``: outcome, message, added or removed."""
    if before is None and after is None:
        return ()
    if before is None:
        return (ADDED,)
    if after is None:
        return (REMOVED,)
    found = []
    if before.status != after.status:
        found.append(OUTCOME)
    if comparable(before) != comparable(after):
        found.append(MESSAGE)
    return tuple(found)


@dataclass(frozen=True)
class MatrixRow:
    """One scenario across the runs; ``changes[i]`` compares run i+1 with the first run."""

    key: Key
    cells: tuple[ScenarioOutcome | None, ...]
    changes: tuple[tuple[str, ...], ...]

    @property
    def changed(self) -> bool:
        return any(self.changes)

    @property
    def kinds(self) -> tuple[str, ...]:
        """Every kind of change in the row, once each, in a fixed order."""
        seen = {kind for found in self.changes for kind in found}
        return tuple(k for k in (OUTCOME, MESSAGE, ADDED, REMOVED) if k in seen)


def build_matrix(runs: Sequence[RunRecord]) -> list[MatrixRow]:
    """Every scenario of any run, sorted by id and title."""
    if len(runs) < 2:
        raise CompareError(tr("compare butuh sedikitnya dua run"))
    keys = sorted({key for run in runs for key in run.outcomes})
    rows = []
    for key in keys:
        cells = tuple(run.outcomes.get(key) for run in runs)
        rows.append(MatrixRow(key, cells, tuple(changes(cells[0], c) for c in cells[1:])))
    return rows


def change_word(kind: str) -> str:
    """A kind of change (``outcome``, ``message``, ...) as a reader sees it."""
    word = CHANGE_WORDS.get(kind)
    return tr(word) if word is not None else kind


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def format_matrix(
    runs: Sequence[RunRecord], rows: Sequence[MatrixRow], *, everything: bool = False
) -> str:
    """The matrix as a text table: changed rows (all with ``everything``), then a summary."""
    width = 16
    heads = [_clip(run.name, width) for run in runs]
    scenario, change = tr("skenario"), tr("perubahan")
    lines = [
        f"{'id':<10} {scenario:<44} " + " ".join(f"{h:<{width}}" for h in heads) + f" {change}"
    ]
    for row in rows:
        if not (row.changed or everything):
            continue
        statuses = [status_label(c.status) if c is not None else "-" for c in row.cells]
        lines.append(
            f"{row.key[0]:<10} {_clip(row.key[1], 44):<44} "
            + " ".join(f"{s:<{width}}" for s in statuses)
            + f" {','.join(map(change_word, row.kinds)) or '='}"
        )
        if MESSAGE in row.kinds:
            for index, (run, cell) in enumerate(zip(runs, row.cells, strict=True)):
                for step, _expected, observed in messages(cell) if cell is not None else ():
                    lines.append(
                        f"{'':<10}   [{index + 1}] {_clip(step, 30)}: {_clip(observed, 80)}"
                    )
                if cell is None:
                    missing = tr("(tidak ada di {run})", run=run.name)
                    lines.append(f"{'':<10}   [{index + 1}] {missing}")
    changed = sum(1 for r in rows if r.changed)
    lines.append(
        tr(
            "{changed} dari {total} skenario berubah terhadap {run}; {runs}",
            changed=changed,
            total=len(rows),
            run=runs[0].label,
            runs="; ".join(f"[{i + 1}] {run.label}" for i, run in enumerate(runs)),
        )
    )
    return "\n".join(lines)
