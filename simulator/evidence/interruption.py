"""A run stopped before it finished (Ctrl-C): its index.json says so.

What the run had finished stays listed (for a scenario run, every scenario folder written so
far); ``interrupted`` is true and ``ok`` false, so that nobody takes a half run for a result.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from simulator.evidence.bundle import write_index, write_scenario_run_index
from simulator.harness.run_folder import INDEX_NAME, INTERRUPTED

SCENARIO_RUN = "scenario-run"
# Keys every index writer sets afresh.
_REWRITTEN = ("created", "files", "scenarios")


def mark_interrupted(folder: Path, *, kind: str) -> Path | None:
    """Mark ``folder``'s run interrupted in its index.json (written when it has none yet, as a
    run of ``kind``: "journey" or "scenario-run"); None when the folder does not exist."""
    if not folder.is_dir():
        return None
    content: dict[str, Any] = {"kind": kind}
    path = folder / INDEX_NAME
    if path.exists():
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):  # written halfway when the interruption came
            found = None
        if isinstance(found, dict):
            content = {k: v for k, v in found.items() if k not in _REWRITTEN}
    content.update(interrupted=True, ok=False)
    if "status" in content:  # a re-run stopped after the first attempt wrote its status
        content["status"] = INTERRUPTED
    if content.get("kind") == SCENARIO_RUN:
        del content["kind"]
        return write_scenario_run_index(folder, content=content)
    return write_index(folder, content)
