"""The run folder: the one home of its file and folder names, and where a new one is made.

A run folder is what ``spse-sim run``/``qa``/``replay`` leave behind. Layout::

    run-YYYYMMDD-HHMMSS/
      .spse-sim-run          the claim of the run that writes here (its process id)
      index.json             the run's index (a scenario run lists its scenario folders)
      run.json               spse-sim qa: the manifest (profile, seed, re-runs)
      outcomes.json          one expected-vs-observed outcome per scenario
      junit.xml              pytest's own report
      report.html            spse-sim qa: the report people read
      coverage.html          spse-sim qa: the rules of the Konsep Operasional and their scenarios
      allure-results/        Allure's raw results (allure-pytest-bdd), for `npx allure generate`
      replay.json  video/    spse-sim replay: what the replay left behind, every desk's video
      scenarios/<ID>/        one evidence folder per scenario, laid out as below

    an evidence folder (a journey run, or one scenario)
      index.json  chronology.json  screenshots/  traces/  server-log.jsonl
      faults-fired.json  laporan-kronologi.docx  credentials.json  pelatihan/keterangan.json
      data/ desks/ offers/ pki/

Every module that writes or reads one of these names imports it from here.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from spse_shared.server_files import REQUEST_LOG_NAME
from spse_shared.wib import WIB

# A run folder's status (index.json, run.json) besides "passed" and "failed" (a scenario's):
# stopped by Ctrl-C or SIGTERM, or a merged run lacking shards of its N (never green).
INTERRUPTED = "interrupted"
INCOMPLETE = "incomplete"

CLAIM_NAME = ".spse-sim-run"
INDEX_NAME = "index.json"
MANIFEST_NAME = "run.json"
OUTCOMES_NAME = "outcomes.json"
# spse-sim qa --reruns: the first pass's outcomes, before the re-runs were merged in.
FIRST_OUTCOMES_NAME = "outcomes-first.json"
JUNIT_NAME = "junit.xml"
HTML_REPORT_NAME = "report.html"
COVERAGE_NAME = "coverage.html"
ALLURE_RESULTS_FOLDER = "allure-results"
SCENARIOS_FOLDER = "scenarios"

CHRONOLOGY_NAME = "chronology.json"
SCREENSHOTS_FOLDER = "screenshots"
TRACES_FOLDER = "traces"
# The server's request log, copied from its data folder under the name the server gives it.
SERVER_LOG_NAME = REQUEST_LOG_NAME
FAULTS_NAME = "faults-fired.json"
REPORT_NAME = "laporan-kronologi.docx"
CREDENTIALS_NAME = "credentials.json"
# The server's data folder (its SQLite files, blobs and request log).
DATA_FOLDER = "data"
TRAINER_FOLDER = "pelatihan"
CAPTIONS_NAME = "keterangan.json"
VIDEO_FOLDER = "video"
REPLAY_SUMMARY_NAME = "replay.json"
# The replay's player page (every desk's video with the caption timeline) and its one-file MP4.
REPLAY_PLAYER_NAME = "index.html"
REPLAY_MOVIE_NAME = "putar-ulang.mp4"


def rerun_folder(number: int) -> str:
    """The folder (inside a run folder) of the ``number``-th re-run of its failures."""
    return f"rerun-{number}"


def fresh_output_dir(parent: Path, *, now: datetime | None = None) -> Path:
    """A new, unique run folder under ``parent`` (runs never collide), named by its start in
    WIB like every time people read (``run-20260302-080000`` for 01:00 UTC)."""
    stamp = (now or datetime.now(UTC)).astimezone(WIB).strftime("%Y%m%d-%H%M%S")
    parent.mkdir(parents=True, exist_ok=True)
    suffix = 1
    while True:
        candidate = parent / (f"run-{stamp}" if suffix == 1 else f"run-{stamp}-{suffix}")
        try:
            # mkdir either makes the folder or fails: two runs starting in the same second
            # never both take it.
            candidate.mkdir()
        except FileExistsError:
            suffix += 1
            continue
        claim_output_dir(candidate)
        return candidate


def claim_output_dir(folder: Path) -> bool:
    """Mark ``folder`` as the run's that writes in it; False when another run claimed it first
    (created exclusively: of two runs given the same folder at once, one gets it)."""
    try:
        with (folder / CLAIM_NAME).open("x", encoding="utf-8") as claim:
            claim.write(f"{os.getpid()}\n")
    except FileExistsError:
        return False
    return True
