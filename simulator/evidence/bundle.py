"""The evidence folder of a run: what is in it, its index.json, and reading it back.

Layout of one evidence folder (a journey run, or one scenario of a scenario run)::

    index.json              kind, result, identity, checks, every file in the folder
    chronology.json         each step: actor, simulated and wall time, page, outcome, messages
    screenshots/NN-ok.png   the actor's page at the end of step NN (NN-failed*.png at a failure)
    traces/<desk>.zip       Playwright trace per desk (X-Request-Id of every response inside)
    server-log.jsonl        the fake SPSE's request log of this run (one JSON object a line)
    faults-fired.json       every fault that took effect
    laporan-kronologi.docx  the Word report (when something failed, or asked for)
    data/ desks/ offers/ pki/   server state, the users' desks, sealed offers, keys

A scenario run keeps one such folder per scenario under ``scenarios/`` and an index.json at
its root listing them (``write_scenario_run_index``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.harness.run_folder import (
    CHRONOLOGY_NAME,
    CLAIM_NAME,
    DATA_FOLDER,
    FAULTS_NAME,
    INDEX_NAME,
    SERVER_LOG_NAME,
)
from simulator.harness.step_record import StepRecord, load_chronology
from spse_shared.language import tr


@dataclass
class Identity:
    """Who and what the report is about (as the first table of the Word report shows it)."""

    lpse: str = ""
    vendor: str = ""
    vendor_user_id: str = ""
    tender_id: str = ""
    tender_name: str = ""
    profile: str = ""
    profile_title: str = ""
    spse_version: str = ""
    certificate_subject: str = ""

    def to_json(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Identity:
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in (data or {}).items() if k in known and v})


@dataclass(frozen=True)
class Check:
    """One expected-vs-observed check of a scenario ('Maka'): what the catalog or the step says
    should be seen, what was seen, and whether they agree. Recorded by the scenario's World,
    stored in index.json and outcomes.json, read back for the reports."""

    step: str
    expected: str
    observed: str
    ok: bool


@dataclass
class Evidence:
    """Everything the Word report is made from, read back from one evidence folder."""

    folder: Path
    index: dict[str, Any]
    identity: Identity
    steps: list[StepRecord]
    checks: list[Check] = field(default_factory=list)
    server_log: list[dict[str, Any]] = field(default_factory=list)
    firings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return str(self.index.get("kind", "journey"))

    @property
    def ok(self) -> bool:
        return bool(self.index.get("ok", not any(s.outcome == "failed" for s in self.steps)))

    @property
    def error(self) -> str:
        return str(self.index.get("error") or "")

    @property
    def failed_steps(self) -> list[StepRecord]:
        return [s for s in self.steps if s.outcome != "ok"]

    @property
    def files(self) -> list[str]:
        return [str(f) for f in self.index.get("files", [])]

    @classmethod
    def load(cls, folder: Path) -> Evidence:
        """Read ``folder``; EvidenceError when it is not an evidence folder."""
        index_path = folder / INDEX_NAME
        steps = load_chronology(folder)
        if not index_path.exists() and not steps:
            raise EvidenceError(
                tr(
                    "{folder}: tidak ada {index} atau {chronology}: bukan folder run",
                    folder=folder,
                    index=INDEX_NAME,
                    chronology=CHRONOLOGY_NAME,
                )
            )
        index: dict[str, Any] = (
            json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
        )
        if index.get("kind") == "scenario-run":
            raise EvidenceError(
                tr(
                    "{folder} adalah run skenario: berikan salah satu folder skenarionya "
                    "(tercantum di {index})",
                    folder=folder,
                    index=INDEX_NAME,
                )
            )
        return cls(
            folder=folder,
            index=index,
            identity=Identity.from_json(index.get("identity")),
            steps=steps,
            checks=[Check(**c) for c in index.get("checks", [])],
            server_log=read_server_log(folder / SERVER_LOG_NAME),
            firings=_read_json_list(folder / FAULTS_NAME),
        )


class EvidenceError(Exception):
    """A folder that is not (or not yet) an evidence folder."""


def read_server_log(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict):
            entries.append(entry)
    return entries


def _read_json_list(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []


def list_files(root: Path) -> list[str]:
    """Every file under ``root`` (relative, sorted), except servers' own ``data/`` folders."""
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and DATA_FOLDER not in p.relative_to(root).parts[:-1]
    )


def write_index(root: Path, content: Mapping[str, Any]) -> Path:
    """``root/index.json``: ``content`` plus when it was written and every file in ``root``."""
    index = {"created": datetime.now(UTC).isoformat(timespec="seconds"), **content}
    files = [f for f in list_files(root) if f != INDEX_NAME]
    index["files"] = [*files, INDEX_NAME]
    path = root / INDEX_NAME
    path.write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def record_report(folder: Path, report: Path) -> None:
    """After a rebuild: list ``report`` (when inside ``folder``) in the folder's index."""
    index_path = folder / INDEX_NAME
    if not index_path.exists() or report.resolve().parent != folder.resolve():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    content = {k: v for k, v in index.items() if k != "files"}
    write_index(folder, {**content, "report": report.name})


def write_scenario_run_index(run_dir: Path, *, content: Mapping[str, Any]) -> Path:
    """The root index of a scenario run: its own files and one entry per scenario folder.

    Scenario folders are found wherever they are below ``run_dir`` (``scenarios/<id>``, and
    ``rerun-N/scenarios/<id>`` for re-runs of failures).
    """
    scenarios = []
    for index_path in sorted(run_dir.rglob(INDEX_NAME)):
        if index_path.parent == run_dir:
            continue
        try:
            data = json.loads(index_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if not isinstance(data, dict) or data.get("kind") != "scenario":
            continue
        report = index_path.parent / str(data["report"]) if data.get("report") else None
        scenarios.append(
            {
                "scenario_id": data.get("scenario_id", ""),
                "title": data.get("title", ""),
                "status": data.get("status", ""),
                "folder": str(index_path.parent.relative_to(run_dir)),
                "report": str(report.relative_to(run_dir)) if report else None,
            }
        )
    scenarios.sort(key=lambda s: (s["scenario_id"], s["folder"]))
    own = [
        p.name for p in run_dir.iterdir() if p.is_file() and p.name not in (INDEX_NAME, CLAIM_NAME)
    ]
    index = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "kind": "scenario-run",
        **content,
        "scenarios": scenarios,
        "files": sorted([*own, INDEX_NAME]),
    }
    path = run_dir / INDEX_NAME
    path.write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def refresh_scenario_run_index(run_dir: Path) -> Path | None:
    """Rescan a scenario run (files written after its index, re-runs); None if it has none."""
    path = run_dir / INDEX_NAME
    if not path.exists():
        return None
    index = json.loads(path.read_text(encoding="utf-8"))
    if index.get("kind") != "scenario-run":
        return None
    content = {k: v for k, v in index.items() if k not in ("kind", "scenarios", "files")}
    return write_scenario_run_index(run_dir, content=content)


def scenario_folders(run_dir: Path) -> list[Path]:
    """The evidence folders a scenario run's index lists."""
    index = json.loads((run_dir / INDEX_NAME).read_text(encoding="utf-8"))
    entries: Sequence[Mapping[str, Any]] = index.get("scenarios", [])
    return [run_dir / str(e["folder"]) for e in entries]
