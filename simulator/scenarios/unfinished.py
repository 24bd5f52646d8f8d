"""Scenarios a Ctrl-C cut off halfway: started, never finished, no result.

As a catalog scenario starts, the child writes who it is into its new folder (``started.json``:
id, title, feature, example row, pytest node id); as it ends, the folder gets its index.json.
After an interrupted run, a folder with the first and without the second, whose node id has no
outcome, is a scenario the interruption cut off: the run names it, with the folder of what it
had done (its chronology so far, the servers' data). A scenario that failed before its world
was built also has no index.json, but it has an outcome, so it is not named again.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from simulator.harness.run_folder import INDEX_NAME, SCENARIOS_FOLDER
from simulator.scenarios.tags import ID_PATTERN

STARTED_NAME = "started.json"


@dataclass(frozen=True)
class UnfinishedScenario:
    """A scenario that started; ``folder`` (relative to the run folder) once it is found cut
    off."""

    scenario_id: str
    title: str
    feature: str = ""
    example: int = 0  # the row of a "Skenario konsep" table, from 1; 0 for a plain scenario
    nodeid: str = ""
    folder: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> UnfinishedScenario:
        """Read back what ``to_json`` wrote; ValueError for anything else (a run folder read
        back is input: a hand-edited or damaged file is refused, not half believed)."""
        if not isinstance(data, Mapping):
            raise ValueError(f"not an object: {data!r}")
        texts = {name: data.get(name, "") for name in ("title", "feature", "nodeid", "folder")}
        example = data.get("example", 0)
        scenario_id = data.get("scenario_id")
        if not isinstance(scenario_id, str) or not ID_PATTERN.match(scenario_id):
            raise ValueError(f"not a scenario id: {scenario_id!r}")
        if not all(isinstance(text, str) for text in texts.values()):
            raise ValueError(f"not texts: {texts!r}")
        if not isinstance(example, int) or isinstance(example, bool) or example < 0:
            raise ValueError(f"not an example row: {example!r}")
        folder = PurePosixPath(texts["folder"])
        if folder.is_absolute() or ".." in folder.parts:
            raise ValueError(f"not a folder inside the run: {folder}")
        return cls(scenario_id, example=example, **texts)


def read_unfinished(listed: object) -> list[UnfinishedScenario]:
    """A run folder's ``unfinished`` list read back (None or absent: none); ValueError when it
    is damaged."""
    if listed is None:
        return []
    if not isinstance(listed, list):
        raise ValueError(f"not a list: {listed!r}")
    return [UnfinishedScenario.from_json(u) for u in listed]


def write_started(folder: Path, scenario: UnfinishedScenario) -> None:
    """Note in a scenario's new folder which scenario it is (``started.json``)."""
    # A plain write: were it torn by a kill, the folder would only go unnamed.
    data = {k: v for k, v in scenario.to_json().items() if k != "folder"}
    (folder / STARTED_NAME).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def unfinished_scenarios(run_dir: Path, finished: Collection[str]) -> list[UnfinishedScenario]:
    """The scenarios of ``run_dir`` that started and neither ended nor have an outcome (their
    node ids not in ``finished``), in catalog order. Scenario folders are ``scenarios/<id>``, or
    ``scenarios/<worker>/<id>`` under xdist."""
    root = run_dir / SCENARIOS_FOLDER
    found = []
    for started in [*root.glob(f"*/{STARTED_NAME}"), *root.glob(f"*/*/{STARTED_NAME}")]:
        if (started.parent / INDEX_NAME).exists():
            continue
        try:
            scenario = UnfinishedScenario.from_json(json.loads(started.read_text("utf-8")))
        except (OSError, ValueError):
            continue  # torn as its scenario was killed: nothing to name it by
        if scenario.nodeid in finished:
            continue
        found.append(replace(scenario, folder=started.parent.relative_to(run_dir).as_posix()))
    return sorted(found, key=lambda s: (s.scenario_id, s.example, s.folder))
