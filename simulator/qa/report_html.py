"""``report.html`` of a scenario run: one file, inline CSS, readable without a server.

Per scenario: status, duration, attempts (when failures were re-run), expected vs observed
message of every check, the error or the reason it does not apply, and its evidence as found in
its folder: screenshots (those of failed steps and the last one embedded, the rest linked),
Playwright traces, the Word report (.docx), chronology and index. Links are relative to the
report, so the run folder can be zipped and handed on. The regression matrix against other runs
(``simulator.qa.compare``) is a section of the same page, or a page of its own.
"""

from __future__ import annotations

import base64
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from simulator.harness.run_folder import (
    CHRONOLOGY_NAME,
    FAULTS_NAME,
    HTML_REPORT_NAME,
    INDEX_NAME,
    JUNIT_NAME,
    MANIFEST_NAME,
    OUTCOMES_NAME,
    SCREENSHOTS_FOLDER,
    SERVER_LOG_NAME,
    TRACES_FOLDER,
)
from simulator.qa.compare import MESSAGE, MatrixRow, RunRecord, messages
from simulator.scenarios.run import Attempt, ScenarioOutcome

STATUS_ORDER = ("failed", "flaky", "passed", "n/a", "skipped")
# Screenshots are embedded up to these sizes; beyond them they are linked.
EMBED_MAX_BYTES = 1_500_000
EMBED_BUDGET_BYTES = 30_000_000

CSS = """
body { font-family: Arial, Helvetica, sans-serif; margin: 0 24px 40px; color: #222; }
h1 { margin-top: 20px; } h2 { border-bottom: 2px solid #8b0000; padding-bottom: 4px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
table.meta th { width: 150px; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 10px; font-size: 0.85em;
  font-weight: bold; color: #fff; background: #777; }
.s-passed { background: #2e7d32; } .s-failed { background: #c62828; }
.s-flaky { background: #ef6c00; } .s-na { background: #607d8b; } .s-skipped { background: #9e9e9e; }
.s-none { background: #bbb; }
tr.row-failed > td:first-child { border-left: 4px solid #c62828; }
tr.row-flaky > td:first-child { border-left: 4px solid #ef6c00; }
.ok { color: #2e7d32; } .bad { color: #c62828; font-weight: bold; }
.error { white-space: pre-wrap; font-family: monospace; background: #fff3f3; padding: 6px; }
.reason { color: #455a64; font-style: italic; }
.shots { display: flex; flex-wrap: wrap; gap: 10px; }
.shots figure { margin: 0; } .shots img { max-width: 360px; border: 1px solid #ccc; }
.shots figcaption { font-size: 0.8em; color: #555; }
details > summary { cursor: pointer; }
.changed { background: #fff7d6; }
.muted { color: #777; }
code { background: #f5f5f5; padding: 0 3px; }
td.id { white-space: nowrap; }
"""


def status_badge(status: str) -> str:
    css = {"n/a": "s-na", "": "s-none"}.get(status, f"s-{status}")
    return f'<span class="badge {escape(css)}">{escape(status or "-")}</span>'


def link(target: Path, base: Path, text: str | None = None) -> str:
    """An <a> to ``target``, relative to the folder ``base`` the HTML file is in."""
    relative = Path(os.path.relpath(target, base)).as_posix()
    return f'<a href="{escape(quote(relative))}">{escape(text or relative)}</a>'


@dataclass
class Evidence:
    """What one attempt's folder holds."""

    folder: Path
    screenshots: list[Path] = field(default_factory=list)
    traces: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    records: list[Path] = field(default_factory=list)


def find_evidence(run_dir: Path, artifacts: str) -> Evidence | None:
    """The files of a scenario's evidence folder (``artifacts`` relative to ``run_dir``)."""
    if not artifacts:
        return None
    folder = Path(artifacts) if Path(artifacts).is_absolute() else run_dir / artifacts
    if not folder.is_dir():
        return None
    return Evidence(
        folder=folder,
        screenshots=sorted((folder / SCREENSHOTS_FOLDER).glob("*.png")),
        traces=sorted((folder / TRACES_FOLDER).glob("*.zip")),
        documents=sorted(folder.glob("*.docx")),
        records=[
            folder / name
            for name in (CHRONOLOGY_NAME, INDEX_NAME, SERVER_LOG_NAME, FAULTS_NAME)
            if (folder / name).exists()
        ],
    )


class _Budget:
    def __init__(self, total: int) -> None:
        self.left = total

    def take(self, size: int) -> bool:
        if size > EMBED_MAX_BYTES or size > self.left:
            return False
        self.left -= size
        return True


def _screenshots_html(evidence: Evidence, base: Path, budget: _Budget) -> str:
    shots = evidence.screenshots
    if not shots:
        return ""
    # The failed steps and the last page say the most; the others are one click away.
    featured = [s for s in shots if "failed" in s.stem]
    if shots[-1] not in featured:
        featured.append(shots[-1])
    figures = []
    for shot in featured:
        size = shot.stat().st_size
        if budget.take(size):
            data = base64.b64encode(shot.read_bytes()).decode("ascii")
            image = f'<img alt="{escape(shot.name)}" src="data:image/png;base64,{data}">'
            caption = link(shot, base, shot.name)
        else:
            image = ""
            caption = link(shot, base, f"{shot.name} (not embedded: too large)")
        figures.append(f"<figure>{image}<figcaption>{caption}</figcaption></figure>")
    others = [link(s, base, s.name) for s in shots if s not in featured]
    rest = f"<p>Other screenshots: {', '.join(others)}</p>" if others else ""
    return f'<div class="shots">{"".join(figures)}</div>{rest}'


def _evidence_html(evidence: Evidence | None, base: Path, budget: _Budget) -> str:
    if evidence is None:
        return '<p class="muted">No evidence folder.</p>'
    parts = [f"<p>Folder: {link(evidence.folder, base)}</p>"]
    if evidence.traces:
        traces = ", ".join(link(t, base, t.name) for t in evidence.traces)
        parts.append(
            f"<p>Playwright traces: {traces} "
            '<span class="muted">(open with <code>playwright show-trace FILE</code>)</span></p>'
        )
    if evidence.documents:
        parts.append(
            "<p>Word report: " + ", ".join(link(d, base, d.name) for d in evidence.documents)
        )
    if evidence.records:
        parts.append("<p>Records: " + ", ".join(link(r, base, r.name) for r in evidence.records))
    parts.append(_screenshots_html(evidence, base, budget))
    return "".join(parts)


def _checks_html(outcome: ScenarioOutcome) -> str:
    if not outcome.checks:
        return ""
    rows = []
    for check in outcome.checks:
        mark = '<span class="ok">ok</span>' if check.ok else '<span class="bad">X</span>'
        rows.append(
            f"<tr><td>{mark}</td><td>{escape(check.step)}</td>"
            f"<td>{escape(check.expected)}</td><td>{escape(check.observed)}</td></tr>"
        )
    return (
        "<table><thead><tr><th></th><th>Check</th><th>Expected</th><th>Observed</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _attempts_html(attempts: Sequence[Attempt], run_dir: Path, base: Path, budget: _Budget) -> str:
    if len(attempts) < 2:
        return ""
    items = []
    for number, attempt in enumerate(attempts, start=1):
        error = f'<div class="error">{escape(attempt.error)}</div>' if attempt.error else ""
        evidence = find_evidence(run_dir, attempt.artifacts)
        folder = f" &middot; {link(evidence.folder, base, 'folder')}" if evidence else ""
        items.append(
            f"<li>Attempt {number}: {status_badge(attempt.status)} "
            f"{attempt.duration_s:.1f} s{folder}{error}</li>"
        )
    return f"<h4>Attempts</h4><ol>{''.join(items)}</ol>"


def _scenario_html(
    outcome: ScenarioOutcome, run_dir: Path, base: Path, budget: _Budget, anchor: str
) -> str:
    detail = []
    if outcome.error:
        css = "reason" if outcome.status in ("n/a", "skipped") else "error"
        detail.append(f'<div class="{css}">{escape(outcome.error)}</div>')
    detail.append(_checks_html(outcome))
    detail.append(_attempts_html(outcome.attempts, run_dir, base, budget))
    detail.append(_evidence_html(find_evidence(run_dir, outcome.artifacts), base, budget))
    opened = " open" if outcome.status in ("failed", "flaky") else ""
    tries = len(outcome.attempts) or 1
    return (
        f'<tr id="{escape(anchor)}" class="row-{escape(outcome.status.replace("/", ""))}">'
        f'<td class="id">{escape(outcome.scenario_id)}</td>'
        f"<td><details{opened}><summary>{escape(outcome.title)}</summary>"
        f"{''.join(detail)}</details></td>"
        f"<td>{status_badge(outcome.status)}</td>"
        f"<td>{outcome.duration_s:.1f} s</td><td>{tries}</td></tr>"
    )


def _meta_html(manifest: Mapping[str, Any], run_dir: Path, base: Path) -> str:
    target = manifest.get("base_url") or "embedded fake SPSE (one server per scenario)"
    elapsed = manifest.get("elapsed_s")
    rows = [
        ("Profile", manifest.get("profile")),
        ("SPSE", manifest.get("spse_version")),
        ("Target", target),
        ("Workers (-n)", (manifest.get("workers") or "1") if "workers" in manifest else None),
        ("Reruns", manifest.get("reruns")),
        ("Started", manifest.get("started")),
        ("Wall time", f"{float(elapsed):.1f} s" if elapsed is not None else None),
        ("pytest exit code", manifest.get("pytest_exit_code")),
    ]
    cells = "".join(
        f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>"
        for k, v in rows
        if v is not None and v != ""
    )
    files = [
        link(run_dir / name, base, name)
        for name in (JUNIT_NAME, OUTCOMES_NAME, MANIFEST_NAME, INDEX_NAME)
        if (run_dir / name).exists()
    ]
    return f'<table class="meta">{cells}</table><p>Files: {", ".join(files)}</p>'


def summary_counts(outcomes: Sequence[ScenarioOutcome]) -> dict[str, int]:
    counts = Counter(o.status for o in outcomes)
    return {status: counts.get(status, 0) for status in STATUS_ORDER}


def matrix_html(runs: Sequence[RunRecord], rows: Sequence[MatrixRow], base: Path) -> str:
    """The regression matrix as an HTML section: status per run, changed rows highlighted."""
    heads = "".join(
        f"<th>[{i + 1}] {link(run.path / HTML_REPORT_NAME, base, run.label)}</th>"
        if (run.path / HTML_REPORT_NAME).exists()
        else f"<th>[{i + 1}] {escape(run.label)}</th>"
        for i, run in enumerate(runs)
    )
    body = []
    for row in rows:
        cells = "".join(
            f"<td>{status_badge(c.status if c is not None else '')}</td>" for c in row.cells
        )
        detail = ""
        if MESSAGE in row.kinds:
            items = []
            for index, cell in enumerate(row.cells):
                observed = (
                    "; ".join(f"{step}: {seen}" for step, _, seen in messages(cell))
                    if cell is not None
                    else "(not in this run)"
                )
                items.append(f"<li>[{index + 1}] {escape(observed)}</li>")
            detail = f"<details><summary>messages</summary><ul>{''.join(items)}</ul></details>"
        css = ' class="changed"' if row.changed else ""
        body.append(
            f'<tr{css}><td class="id">{escape(row.key[0])}</td>'
            f"<td>{escape(row.key[1])}{detail}</td>"
            f"{cells}<td>{escape(', '.join(row.kinds) or '=')}</td></tr>"
        )
    changed = sum(1 for r in rows if r.changed)
    return (
        '<section id="regresi"><h2>Regression matrix</h2>'
        f"<p>{changed} of {len(rows)} scenario(s) changed outcome or message against "
        f"[1] {escape(runs[0].label)}.</p>"
        f"<table><thead><tr><th>ID</th><th>Scenario</th>{heads}<th>Change</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></section>"
    )


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>\n"
    )


def render_report(
    run_dir: Path,
    outcomes: Sequence[ScenarioOutcome],
    manifest: Mapping[str, Any],
    *,
    matrix: str = "",
) -> str:
    """The whole report page of a run folder (links relative to ``run_dir``)."""
    budget = _Budget(EMBED_BUDGET_BYTES)
    counts = summary_counts(outcomes)
    summary = " ".join(f"{status_badge(s)} {counts[s]}" for s in STATUS_ORDER if counts[s])
    ordered = sorted(outcomes, key=lambda o: (o.scenario_id, o.title))
    rows = [
        _scenario_html(o, run_dir, run_dir, budget, f"s{number}")
        for number, o in enumerate(ordered, start=1)
    ]
    table = (
        "<table><thead><tr><th>ID</th><th>Scenario</th><th>Result</th><th>Duration</th>"
        f"<th>Attempts</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else '<p class="bad">No scenario ran.</p>'
    )
    body = (
        f"{_meta_html(manifest, run_dir, run_dir)}"
        f'<p class="summary">{summary or "nothing ran"}</p>'
        f"{matrix}"
        f'<section id="skenario"><h2>Scenarios</h2>{table}</section>'
    )
    return page(f"SPSE QA run {run_dir.resolve().name}", body)


def write_report(
    run_dir: Path,
    outcomes: Sequence[ScenarioOutcome],
    manifest: Mapping[str, Any],
    *,
    matrix: str = "",
) -> Path:
    path = run_dir / HTML_REPORT_NAME
    path.write_text(render_report(run_dir, outcomes, manifest, matrix=matrix), encoding="utf-8")
    return path
