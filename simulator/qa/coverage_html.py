"""``coverage.html``: every rule of the Konsep Operasional SPSE 4.3 CA, the scenarios that
reproduce it and their latest status, as one printable matrix for a QA lead.

Rows are the rules (``SEED_RULES``, in the document's order, grouped by its sections); each
scenario citing a rule (``@aturan-...``) is listed with its latest status: from this run when it
ran here, else from the newest earlier run in the same runs folder that ran it (named, with its
time in WIB), else "belum dijalankan". A rule's verdict: "lolos" when every scenario's latest
status passed, "gagal" when one failed or was flaky, "belum ada skenario" when none cites it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from simulator.harness.run_folder import COVERAGE_NAME, MANIFEST_NAME, OUTCOMES_NAME
from simulator.qa.report_html import page, status_badge, wib_text
from simulator.scenarios.catalog import (
    SEED_RULES,
    SOURCE_CITATION,
    SOURCE_DOCUMENT,
    CatalogEntry,
    CatalogError,
    find_catalog_dir,
    load_catalog,
)
from simulator.scenarios.run import ScenarioOutcome
from simulator.scenarios.statuses import FAILING, NOT_TESTED, STATUS_ORDER, status_word
from spse_shared.language import tr

COVERAGE_DATA_ID = "data-cakupan"
# Verdicts as the page's data spells them (Bahasa Indonesia); shown through ``tr``.
NOT_COVERED, NOT_RUN = "belum ada skenario", "belum dijalankan"
VERDICTS = ("lolos", "gagal", NOT_RUN, NOT_COVERED)

PRINT_CSS = """
table.cakupan { width: 100%; } table.cakupan td { font-size: 0.9em; }
.scen { display: block; margin: 2px 0; }
.verdict-lolos { background: #e8f5e9; } .verdict-gagal { background: #ffebee; }
.verdict-kosong { background: #fff8e1; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; font-size: 10pt; }
  .badge { color: #000 !important; background: none !important; border: 1px solid #000; }
  tr { break-inside: avoid; }
  a { color: #000; text-decoration: none; }
}
"""


@dataclass(frozen=True)
class LatestStatus:
    """A scenario's latest status and the run it comes from."""

    status: str
    run: str
    started: str


def _read_run(folder: Path) -> tuple[str, list[ScenarioOutcome]] | None:
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        data = json.loads((folder / OUTCOMES_NAME).read_text(encoding="utf-8"))
        outcomes = [ScenarioOutcome.from_json(o) for o in data]
    except (OSError, ValueError, TypeError):
        return None
    return str(manifest.get("started") or ""), outcomes


def latest_statuses(
    run_dir: Path, outcomes: Sequence[ScenarioOutcome], started: str
) -> dict[str, LatestStatus]:
    """Scenario id -> its latest status: this run's, else the newest earlier run's."""
    here = run_dir.resolve()
    runs: list[tuple[str, str, list[ScenarioOutcome]]] = []
    for manifest in here.parent.glob(f"*/{MANIFEST_NAME}"):
        if manifest.parent.resolve() == here:
            continue
        found = _read_run(manifest.parent)
        if found is not None:
            runs.append((found[0], manifest.parent.name, found[1]))
    runs.sort()
    runs.append((started, here.name, list(outcomes)))
    latest: dict[str, LatestStatus] = {}
    for when, name, run_outcomes in runs:  # oldest first: newer runs overwrite
        for scenario_id, status in _worst_by_id(run_outcomes).items():
            latest[scenario_id] = LatestStatus(status, name, when)
    return latest


def _worst_by_id(outcomes: Sequence[ScenarioOutcome]) -> dict[str, str]:
    """One status per scenario id (an outline's rows together: the worst of them)."""
    rank = {"failed": 0, "flaky": 1, "passed": 2, "skipped": 3, "n/a": 4}
    worst: dict[str, str] = {}
    for outcome in outcomes:
        known = worst.get(outcome.scenario_id)
        if known is None or rank.get(outcome.status, 9) < rank.get(known, 9):
            worst[outcome.scenario_id] = outcome.status
    return worst


def coverage_data(
    entries: Sequence[CatalogEntry], latest: Mapping[str, LatestStatus]
) -> list[dict[str, Any]]:
    """One row per rule: its section, text, scenarios with their latest status, verdict."""
    rows = []
    for rule in SEED_RULES:
        scenarios = []
        for entry in entries:
            if rule.rule_id not in entry.rules:
                continue
            found = latest.get(entry.scenario_id)
            scenarios.append(
                {
                    "id": entry.scenario_id,
                    "title": entry.title,
                    "status": found.status if found else "",
                    "run": found.run if found else "",
                    "started": found.started if found else "",
                }
            )
        statuses = [s["status"] for s in scenarios if s["status"] not in NOT_TESTED]
        if not scenarios:
            verdict = NOT_COVERED
        elif any(s in FAILING for s in statuses):
            verdict = "gagal"
        elif statuses and all(s == "passed" for s in statuses):
            verdict = "lolos"
        else:
            verdict = NOT_RUN
        rows.append(
            {
                "rule": rule.rule_id,
                "section": rule.section,
                "text": rule.text,
                "scenarios": scenarios,
                "verdict": verdict,
            }
        )
    return rows


def render_coverage(run_dir: Path, rows: Sequence[Mapping[str, Any]]) -> str:
    """The page: a summary line, then the matrix grouped by the document's sections."""
    verdicts = [r["verdict"] for r in rows]
    summary = ", ".join(f"{verdicts.count(v)} {tr(v)}" for v in VERDICTS)
    body = []
    section = None
    for row in rows:
        if row["section"] != section:
            section = row["section"]
            body.append(f'<tr><th colspan="4">{escape(str(section))}</th></tr>')
        cells = "".join(
            f'<span class="scen">{status_badge(s["status"])} <b>{escape(s["id"])}</b> '
            f"{escape(s['title'])}"
            + (
                f' <span class="muted">({escape(s["run"])}, {escape(wib_text(s["started"]))})'
                "</span>"
                if s["run"]
                else ""
            )
            + "</span>"
            for s in row["scenarios"]
        )
        css = {"lolos": "verdict-lolos", "gagal": "verdict-gagal", NOT_COVERED: "verdict-kosong"}
        body.append(
            f'<tr class="{css.get(row["verdict"], "")}"><td class="id">{escape(row["rule"])}</td>'
            f"<td>{escape(row['text'])}</td><td>{cells or '-'}</td>"
            f"<td>{escape(tr(row['verdict']))}</td></tr>"
        )
    data = json.dumps(list(rows), ensure_ascii=False).replace("</", "<\\/")
    intro = tr(
        "Setiap aturan dari dokumen {document}, skenario yang mereproduksinya dan status "
        "terakhirnya (dari run ini, atau dari run terbaru di folder yang sama). Aturan: {summary}.",
        document=f"<b>{escape(SOURCE_CITATION)}</b>",
        summary=escape(summary),
    )
    statuses = ", ".join(status_word(s) for s in STATUS_ORDER)
    content = (
        f"<style>{PRINT_CSS}</style>"
        f"<p>{intro}</p>"
        f'<table class="cakupan"><thead><tr><th>{escape(tr("Aturan"))}</th>'
        f"<th>{escape(tr('Isi aturan'))}</th>"
        f"<th>{escape(tr('Skenario (status terakhir)'))}</th>"
        f"<th>{escape(tr('Putusan'))}</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
        f'<p class="muted">{escape(tr("Status"))}: {escape(statuses)}.</p>'
        f'<script type="application/json" id="{COVERAGE_DATA_ID}">{data}</script>'
    )
    title = tr("Cakupan {document}: {run}", document=SOURCE_DOCUMENT, run=run_dir.resolve().name)
    return page(title, content)


def catalog_entries(catalog: Path | None = None) -> list[CatalogEntry]:
    """The catalog the run used (``catalog``, else ``$SPSE_SIM_CATALOG`` or the packaged one);
    none if broken (the run itself reported that), so the page still lists every rule."""
    try:
        return load_catalog(find_catalog_dir(catalog))
    except CatalogError:
        return []


def write_coverage(
    run_dir: Path,
    outcomes: Sequence[ScenarioOutcome],
    entries: Sequence[CatalogEntry],
    *,
    started: str = "",
) -> Path:
    """Write ``coverage.html`` into the run folder."""
    rows = coverage_data(entries, latest_statuses(run_dir, outcomes, started))
    path = run_dir / COVERAGE_NAME
    path.write_text(render_coverage(run_dir, rows), encoding="utf-8")
    return path
