"""``report.html`` of a scenario run: one self-contained file (inline CSS, JS, SVG, screenshots).

For a QA lead at a glance: the counts and a chart (lolos / gagal / flaky / tidak berlaku), the
durations, statistics by tag (source section ``@sumber-``, rule of the Konsep Operasional
``@aturan-``, profile ``@profil-``; as Robot Framework's "Statistics by Tag"), the trend against
the earlier runs in the same runs folder (as Allure's history), then every scenario, failures
first, filterable by status and tag and searchable. Per scenario: its step log (with the step's
screenshot where one was kept), the expected and observed text of every check with the
difference marked, attempts (when failures were re-run), the error or why it does not apply,
and links to its evidence (traces, Word report, chronology). Links are relative, so the run
folder can be zipped and handed on; everything shown is inside the file.

The page's data is also embedded as JSON (``<script type="application/json" id="data-laporan">``)
for tests and tools. Times are shown in WIB.
"""

from __future__ import annotations

import base64
import json
import os
import signal
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from simulator.harness.run_folder import (
    ALLURE_RESULTS_FOLDER,
    CHRONOLOGY_NAME,
    COVERAGE_NAME,
    FAULTS_NAME,
    HTML_REPORT_NAME,
    INCOMPLETE,
    INDEX_NAME,
    INTERRUPTED,
    JUNIT_NAME,
    MANIFEST_NAME,
    OUTCOMES_NAME,
    SCREENSHOTS_FOLDER,
    SERVER_LOG_NAME,
    TRACES_FOLDER,
)
from simulator.harness.step_record import StepRecord
from simulator.qa.compare import MESSAGE, MatrixRow, RunRecord, change_word, messages
from simulator.qa.textdiff import html_pair
from simulator.scenarios.catalog import (
    DOMAIN_NOTES,
    PROFILE_PREFIX,
    RULE_PREFIX,
    SEED_RULES,
    SOURCE_PREFIX,
    SOURCE_SECTIONS,
    SOURCES,
)
from simulator.scenarios.run import Attempt, ScenarioOutcome, full_title
from simulator.scenarios.statuses import FAILING, NOT_TESTED, STATUS_ORDER, status_word
from simulator.scenarios.unfinished import read_unfinished
from spse_shared.language import current_language, tr
from spse_shared.wib import WIB, format_wib

STATUS_COLOURS = {
    "passed": "#2e7d32",
    "failed": "#c62828",
    "flaky": "#ef6c00",
    "n/a": "#607d8b",
    "skipped": "#9e9e9e",
}
# Tag kinds of the statistics table: prefix -> heading (through ``tr`` when shown).
TAG_KINDS = {
    SOURCE_PREFIX: "Bagian sumber (@sumber-)",
    RULE_PREFIX: "Aturan Konsep Operasional (@aturan-)",
    PROFILE_PREFIX: "Profil (@profil-)",
}
DATA_ID = "data-laporan"
# Screenshots are embedded up to these sizes; beyond them they are linked.
EMBED_MAX_BYTES = 1_500_000
EMBED_BUDGET_BYTES = 20_000_000
# How many earlier runs the trend shows.
HISTORY_LIMIT = 20

CSS = """
body { font-family: Arial, Helvetica, sans-serif; margin: 0 24px 40px; color: #222; }
h1 { margin-top: 20px; } h2 { border-bottom: 2px solid #8b0000; padding-bottom: 4px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
table.meta th { width: 200px; }
td.num, th.num { text-align: right; white-space: nowrap; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 10px; font-size: 0.85em;
  font-weight: bold; color: #fff; background: #777; white-space: nowrap; }
.s-passed { background: #2e7d32; } .s-failed { background: #c62828; }
.s-flaky { background: #ef6c00; } .s-na { background: #607d8b; } .s-skipped { background: #9e9e9e; }
.s-none { background: #bbb; }
tr.row-failed > td:first-child { border-left: 4px solid #c62828; }
tr.row-flaky > td:first-child { border-left: 4px solid #ef6c00; }
.ok { color: #2e7d32; } .bad { color: #c62828; font-weight: bold; }
.error { white-space: pre-wrap; font-family: monospace; background: #fff3f3; padding: 6px; }
.reason { color: #455a64; font-style: italic; }
.shots { display: flex; flex-wrap: wrap; gap: 10px; }
.shots figure { margin: 0; } .shots img, img.thumb { max-width: 320px; border: 1px solid #ccc; }
.shots figcaption { font-size: 0.8em; color: #555; }
details > summary { cursor: pointer; }
.changed { background: #fff7d6; }
.muted { color: #777; }
code { background: #f5f5f5; padding: 0 3px; }
td.id { white-space: nowrap; }
.overview { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.cards { display: flex; gap: 10px; flex-wrap: wrap; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 90px; }
.card b { display: block; font-size: 1.8em; }
.text { font-family: monospace; white-space: pre-wrap; }
del { background: #ffd6d6; text-decoration: line-through; }
ins { background: #c8f7c5; text-decoration: none; }
.bar { display: flex; height: 10px; width: 160px; background: #eee; }
.bar span { display: block; height: 10px; }
.filters { position: sticky; top: 0; background: #fff; padding: 8px 0;
  border-bottom: 1px solid #ddd; }
.filters label { margin-right: 10px; }
table.steps td { font-size: 0.9em; }
@media print { .filters { display: none; } details { display: block; } }
"""

SCRIPT = """
(function () {
  const rows = Array.from(document.querySelectorAll('tr.scenario'));
  const search = document.getElementById('cari');
  const tag = document.getElementById('tag');
  const boxes = Array.from(document.querySelectorAll('input.status'));
  const shown = document.getElementById('ditampilkan');
  function apply() {
    const words = search.value.toLowerCase().trim();
    const chosen = new Set(boxes.filter(b => b.checked).map(b => b.value));
    let count = 0;
    rows.forEach(row => {
      const tags = row.dataset.tags.split(' ');
      const ok = chosen.has(row.dataset.status)
        && (!tag.value || tags.includes(tag.value))
        && (!words || row.textContent.toLowerCase().includes(words));
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = count;
  }
  [search, tag, ...boxes].forEach(el => el.addEventListener('input', apply));
  document.querySelectorAll('a.pilih-tag').forEach(a => a.addEventListener('click', event => {
    event.preventDefault();
    tag.value = a.dataset.tag;
    apply();
    document.getElementById('skenario').scrollIntoView();
  }));
  apply();
})();
"""


def seconds(value: float, digits: int = 1) -> str:
    """A duration as the pages show it: '12.4 dtk' (English: '12.4 s')."""
    return tr("{n} dtk", n=f"{value:.{digits}f}")


def status_badge(status: str) -> str:
    css = {"n/a": "s-na", "": "s-none"}.get(status, f"s-{status}")
    word = status_word(status)
    return f'<span class="badge {escape(css)}">{escape(word)}</span>'


def link(target: Path, base: Path, text: str | None = None) -> str:
    """An <a> to ``target``, relative to the folder ``base`` the HTML file is in."""
    relative = Path(os.path.relpath(target, base)).as_posix()
    return f'<a href="{escape(quote(relative))}">{escape(text or relative)}</a>'


def wib_text(iso: str) -> str:
    """An ISO 8601 time as people read it here ('02 Maret 2026 08:00:05 WIB'); "" if none."""
    if not iso:
        return ""
    try:
        return format_wib(datetime.fromisoformat(iso), seconds=True)
    except ValueError:
        return iso


def source_title(key: str) -> str:
    """A ``@sumber-`` value as its section is called, under the source document's title.

    The Konsep Operasional's sections keep their names in every language (they cite the
    document); the simulator's own domain notes are named in the chosen language.
    """
    document, section = SOURCE_SECTIONS.get(key, ("", ""))
    if document == DOMAIN_NOTES:
        return f"{tr(DOMAIN_NOTES)}: {tr(section)}"
    return SOURCES.get(key, key)


def tag_title(tag: str) -> str:
    """What a tag stands for, in words."""
    if tag.startswith(SOURCE_PREFIX):
        return source_title(tag.removeprefix(SOURCE_PREFIX))
    if tag.startswith(RULE_PREFIX):
        rule_id = tag.removeprefix(RULE_PREFIX)
        rule = next((r for r in SEED_RULES if r.rule_id == rule_id), None)
        return f"{rule.section}: {rule.text}" if rule is not None else rule_id
    if tag.startswith(PROFILE_PREFIX):
        value = tag.removeprefix(PROFILE_PREFIX)
        return tr("semua profil") if value == "semua" else value
    return tag


@dataclass
class Evidence:
    """What one attempt's folder holds."""

    folder: Path
    screenshots: list[Path] = field(default_factory=list)
    traces: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    records: list[Path] = field(default_factory=list)
    steps: list[StepRecord] = field(default_factory=list)


def find_evidence(run_dir: Path, artifacts: str) -> Evidence | None:
    """The files of a scenario's evidence folder (``artifacts`` relative to ``run_dir``)."""
    if not artifacts:
        return None
    folder = Path(artifacts) if Path(artifacts).is_absolute() else run_dir / artifacts
    if not folder.is_dir():
        return None
    steps: list[StepRecord] = []
    try:
        data = json.loads((folder / CHRONOLOGY_NAME).read_text(encoding="utf-8"))
        steps = [StepRecord.from_json(s) for s in data if isinstance(s, dict)]
    except (OSError, ValueError, TypeError):
        steps = []
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
        steps=steps,
    )


class _Budget:
    def __init__(self, total: int) -> None:
        self.left = total

    def take(self, size: int) -> bool:
        if size > EMBED_MAX_BYTES or size > self.left:
            return False
        self.left -= size
        return True


def _featured(evidence: Evidence) -> set[Path]:
    """The screenshots embedded: the failed steps' and the last page (they say the most; the
    others are a click away, which keeps a catalog's report small)."""
    chosen = {s for s in evidence.screenshots if "failed" in s.stem}
    if evidence.screenshots:
        chosen.add(evidence.screenshots[-1])
    return chosen


def _image(shot: Path, base: Path, budget: _Budget, *, embed: bool) -> str:
    """The screenshot embedded (a data URI, shown small; click opens the file) or linked."""
    if not shot.is_file():
        return ""
    if not embed:
        return link(shot, base, shot.name)
    if budget.take(shot.stat().st_size):
        data = base64.b64encode(shot.read_bytes()).decode("ascii")
        uri = f"data:image/png;base64,{data}"
        # Shown small; the link opens the file itself (browsers refuse to open data: URIs).
        relative = quote(Path(os.path.relpath(shot, base)).as_posix())
        return (
            f'<a href="{escape(relative)}"><img class="thumb" '
            f'alt="{escape(shot.name)}" src="{uri}"></a>'
        )
    return link(shot, base, tr("{name} (tidak disematkan: terlalu besar)", name=shot.name))


def _steps_html(evidence: Evidence, base: Path, budget: _Budget) -> str:
    if not evidence.steps:
        return ""
    rows = []
    featured = _featured(evidence)
    for step in evidence.steps:
        mark = (
            '<span class="ok">ok</span>' if step.outcome == "ok" else '<span class="bad">X</span>'
        )
        notes = "".join(f"<div>{escape(m)}</div>" for m in step.messages)
        if step.detail:
            notes += f'<div class="error">{escape(step.detail)}</div>'
        picture = ""
        if step.screenshot:
            shot = evidence.folder / step.screenshot
            opened = "" if step.outcome == "ok" else " open"
            picture = (
                f"<details{opened}><summary>{escape(tr('tangkapan layar'))}</summary>"
                f"{_image(shot, base, budget, embed=shot in featured)}</details>"
            )
        rows.append(
            f"<tr><td>{step.number}</td><td>{mark}</td><td>{escape(step.title)}"
            f'<div class="muted">{escape(step.actor)}</div>{notes}{picture}</td>'
            f'<td class="num">{seconds(step.duration_s)}</td>'
            f"<td>{escape(wib_text(step.sim_time))}</td></tr>"
        )
    heading = escape(tr("Langkah"))
    return (
        f"<h4>{heading}</h4><table class='steps'><thead><tr><th>#</th><th></th>"
        f"<th>{heading}</th><th>{escape(tr('Durasi'))}</th>"
        f"<th>{escape(tr('Waktu simulasi'))}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _evidence_html(evidence: Evidence | None, base: Path, budget: _Budget) -> str:
    if evidence is None:
        return f'<p class="muted">{escape(tr("Tidak ada folder bukti."))}</p>'
    parts = [
        _steps_html(evidence, base, budget),
        f"<p>{escape(tr('Folder'))}: {link(evidence.folder, base)}</p>",
    ]
    if evidence.traces:
        traces = ", ".join(link(t, base, t.name) for t in evidence.traces)
        parts.append(
            f'<p>{escape(tr("Trace Playwright"))}: {traces} <span class="muted">('
            + tr("buka dengan {command}", command="<code>playwright show-trace FILE</code>")
            + ")</span></p>"
        )
    if evidence.documents:
        parts.append(
            f"<p>{escape(tr('Laporan Word'))}: "
            + ", ".join(link(d, base, d.name) for d in evidence.documents)
        )
    if evidence.records:
        records = ", ".join(link(r, base, r.name) for r in evidence.records)
        parts.append(f"<p>{escape(tr('Catatan'))}: {records}")
    in_steps = {evidence.folder / s.screenshot for s in evidence.steps if s.screenshot}
    others = [s for s in evidence.screenshots if s not in in_steps]
    if others:
        featured = _featured(evidence)
        figures = "".join(
            f"<figure>{_image(s, base, budget, embed=s in featured)}"
            f"<figcaption>{escape(s.name)}</figcaption></figure>"
            for s in others
        )
        others_heading = escape(tr("Tangkapan layar lain"))
        parts.append(f'<h4>{others_heading}</h4><div class="shots">{figures}</div>')
    return "".join(parts)


def _checks_html(outcome: ScenarioOutcome) -> str:
    if not outcome.checks:
        return ""
    rows = []
    for check in outcome.checks:
        if check.ok:
            mark = '<span class="ok">ok</span>'
            expected, observed = escape(check.expected), escape(check.observed)
        else:
            mark = '<span class="bad">X</span>'
            expected, observed = html_pair(check.expected, check.observed)
        rows.append(
            f"<tr><td>{mark}</td><td>{escape(check.step)}</td>"
            f'<td class="text">{expected}</td><td class="text">{observed}</td></tr>'
        )
    heading = escape(tr("Pemeriksaan"))
    return (
        f"<h4>{heading}</h4><table><thead><tr><th></th><th>{heading}</th>"
        f"<th>{escape(tr('Diharapkan'))}</th><th>{escape(tr('Teramati'))}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _attempts_html(attempts: Sequence[Attempt], run_dir: Path, base: Path) -> str:
    if len(attempts) < 2:
        return ""
    items = []
    for number, attempt in enumerate(attempts, start=1):
        error = f'<div class="error">{escape(attempt.error)}</div>' if attempt.error else ""
        evidence = find_evidence(run_dir, attempt.artifacts)
        folder = f" &middot; {link(evidence.folder, base, tr('folder'))}" if evidence else ""
        # A first attempt under "on-first-retry": no traces or step screenshots of its own.
        bare = "" if attempt.recorded else f" &middot; {escape(tr('tanpa rekaman'))}"
        items.append(
            f"<li>{escape(tr('Percobaan {n}', n=number))}: {status_badge(attempt.status)} "
            f"{seconds(attempt.duration_s)}{folder}{bare}{error}</li>"
        )
    return f"<h4>{escape(tr('Percobaan'))}</h4><ol>{''.join(items)}</ol>"


def _scenario_html(outcome: ScenarioOutcome, run_dir: Path, budget: _Budget) -> str:
    detail = []
    if outcome.error:
        css = "reason" if outcome.status in NOT_TESTED else "error"
        detail.append(f'<div class="{css}">{escape(outcome.error)}</div>')
    if outcome.tags:
        detail.append(
            '<p class="muted">'
            + " ".join(f"<code>@{escape(t)}</code>" for t in sorted(outcome.tags))
            + "</p>"
        )
    detail.append(_checks_html(outcome))
    detail.append(_attempts_html(outcome.attempts, run_dir, run_dir))
    detail.append(_evidence_html(find_evidence(run_dir, outcome.artifacts), run_dir, budget))
    opened = " open" if outcome.status in FAILING else ""
    tries = len(outcome.attempts) or 1
    row = f" [{tr('contoh {n}', n=outcome.example)}]" if outcome.example else ""
    feature = f'<div class="muted">{escape(outcome.feature)}</div>' if outcome.feature else ""
    return (
        f'<tr class="scenario row-{escape(outcome.status.replace("/", ""))}" '
        f'data-status="{escape(outcome.status)}" data-tags="{escape(" ".join(outcome.tags))}">'
        f'<td class="id">{escape(outcome.scenario_id)}</td>'
        f"<td><details{opened}><summary>{escape(outcome.title + row)}</summary>"
        f"{''.join(detail)}</details>{feature}</td>"
        f"<td>{status_badge(outcome.status)}</td>"
        f'<td class="num">{seconds(outcome.duration_s)}</td><td class="num">{tries}</td></tr>'
    )


def _meta_html(manifest: Mapping[str, Any], run_dir: Path) -> str:
    target = manifest.get("base_url") or tr("fake SPSE bawaan (satu server per skenario)")
    elapsed = manifest.get("elapsed_s")
    rows = [
        (tr("Profil"), manifest.get("profile")),
        ("SPSE", manifest.get("spse_version")),
        (tr("Sasaran"), target),
        (
            tr("Proses paralel (-n)"),
            (manifest.get("workers") or "1") if "workers" in manifest else None,
        ),
        (tr("Pengulangan (--reruns)"), manifest.get("reruns")),
        ("Shard", _shards_text(manifest)),
        (tr("Mulai"), wib_text(str(manifest.get("started") or ""))),
        (tr("Waktu total"), seconds(float(elapsed)) if elapsed is not None else None),
        (tr("Kode keluar pytest"), _exit_code_text(manifest.get("pytest_exit_code"))),
    ]
    cells = "".join(
        f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>"
        for k, v in rows
        if v is not None and v != ""
    )
    files = [
        link(run_dir / name, run_dir, name)
        for name in (COVERAGE_NAME, JUNIT_NAME, OUTCOMES_NAME, MANIFEST_NAME, INDEX_NAME)
        if (run_dir / name).exists()
    ]
    if (run_dir / ALLURE_RESULTS_FOLDER).is_dir():
        files.append(link(run_dir / ALLURE_RESULTS_FOLDER, run_dir, f"{ALLURE_RESULTS_FOLDER}/"))
    return f'<table class="meta">{cells}</table><p>{escape(tr("Berkas"))}: {", ".join(files)}</p>'


def _exit_code_text(code: object) -> object:
    """pytest's exit code; a child ended by a signal (negative, as Python reports it) by name."""
    if isinstance(code, int) and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            return code
        return tr("dihentikan oleh sinyal {name}", name=name)
    return code


def _shards_text(manifest: Mapping[str, Any]) -> str | None:
    """A shard run's "I/N"; a merged run's shards, e.g. "1/2, 2/2 (tidak ada: 3/3)"."""
    merged = manifest.get("shards")
    if not isinstance(merged, list):
        shard = manifest.get("shard")
        return str(shard) if shard else None
    text = ", ".join(str(s.get("shard") or s.get("folder") or "?") for s in merged)
    missing = manifest.get("missing_shards") or []
    if missing:
        text += " (" + tr("tidak ada: {shards}", shards=", ".join(map(str, missing))) + ")"
    return text


def _run_status_html(manifest: Mapping[str, Any]) -> str:
    """Above everything, why this run's counts are not the whole selection, when they are not."""
    status = manifest.get("status")
    if status == INTERRUPTED:
        text = tr(
            "Run dihentikan (Ctrl-C) sebelum selesai: skenario yang belum dimulai tidak tercantum."
        )
        return (
            f'<div class="bad" role="alert"><p>{escape(text)}</p>{_unfinished_html(manifest)}</div>'
        )
    elif status == INCOMPLETE:
        missing = ", ".join(map(str, manifest.get("missing_shards") or []))
        text = tr(
            "Run gabungan tidak lengkap: shard {missing} tidak ada; skenarionya tidak tercantum.",
            missing=missing,
        )
    else:
        return ""
    return f'<p class="bad" role="alert">{escape(text)}</p>'


def _unfinished_html(manifest: Mapping[str, Any]) -> str:
    """The scenarios Ctrl-C cut off, each with the folder of what it did."""
    cut = read_unfinished(manifest.get("unfinished"))
    if not cut:
        return ""
    items = "".join(
        f"<li>{escape(full_title(u.scenario_id, u.title, u.example))}: "
        f'<a href="{escape(quote(u.folder))}">{escape(u.folder)}</a></li>'
        for u in cut
    )
    head = tr("Terhenti di tengah jalan (langkah yang sudah dijalankan ada di foldernya):")
    return f"<p>{escape(head)}</p><ul>{items}</ul>"


def summary_counts(outcomes: Sequence[ScenarioOutcome]) -> dict[str, int]:
    counts = Counter(o.status for o in outcomes)
    return {status: counts.get(status, 0) for status in STATUS_ORDER}


def tag_statistics(outcomes: Sequence[ScenarioOutcome]) -> list[dict[str, Any]]:
    """One row per @sumber-, @aturan- and @profil- tag met: counts by status and time spent."""
    rows: dict[str, dict[str, Any]] = {}
    for outcome in outcomes:
        for tag in outcome.tags:
            kind = next((p for p in TAG_KINDS if tag.startswith(p)), None)
            if kind is None:
                continue
            row = rows.setdefault(
                tag,
                {
                    "tag": tag,
                    "kind": kind.rstrip("-"),
                    "title": tag_title(tag),
                    "counts": dict.fromkeys(STATUS_ORDER, 0),
                    "duration_s": 0.0,
                },
            )
            row["counts"][outcome.status] = row["counts"].get(outcome.status, 0) + 1
            row["duration_s"] = round(row["duration_s"] + outcome.duration_s, 3)
    order = list(TAG_KINDS)
    rule_order = {f"{RULE_PREFIX}{r.rule_id}": n for n, r in enumerate(SEED_RULES)}
    return sorted(
        rows.values(),
        key=lambda r: (order.index(r["kind"] + "-"), rule_order.get(r["tag"], 999), r["tag"]),
    )


def _bar(counts: Mapping[str, int]) -> str:
    total = sum(counts.values()) or 1
    spans = "".join(
        f'<span style="width:{100 * counts[s] / total:.1f}%;background:{STATUS_COLOURS[s]}" '
        f'title="{escape(status_word(s))}: {counts[s]}"></span>'
        for s in STATUS_ORDER
        if counts.get(s)
    )
    return f'<div class="bar">{spans}</div>'


def _tag_table(rows: Sequence[dict[str, Any]]) -> str:
    if not rows:
        none = tr("Skenario run ini tidak bertag @sumber-, @aturan- atau @profil-.")
        return f'<p class="muted">{escape(none)}</p>'
    parts = []
    for prefix, heading in TAG_KINDS.items():
        chosen = [r for r in rows if r["kind"] + "-" == prefix]
        if not chosen:
            continue
        body = []
        for row in chosen:
            counts = row["counts"]
            cells = "".join(f'<td class="num">{counts[s]}</td>' for s in STATUS_ORDER[:4])
            body.append(
                f'<tr><td><a href="#skenario" class="pilih-tag" data-tag="{escape(row["tag"])}">'
                f"@{escape(row['tag'])}</a><div class='muted'>{escape(row['title'])}</div></td>"
                f'<td class="num">{sum(counts.values())}</td>{cells}'
                f'<td class="num">{seconds(row["duration_s"])}</td><td>{_bar(counts)}</td></tr>'
            )
        heads = "".join(f'<th class="num">{escape(status_word(s))}</th>' for s in STATUS_ORDER[:4])
        parts.append(
            f"<h3>{escape(tr(heading))}</h3><table><thead><tr><th>Tag</th>"
            f"<th class='num'>{escape(tr('jumlah'))}</th>"
            f"{heads}<th class='num'>{escape(tr('durasi'))}</th><th></th></tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
        )
    return "".join(parts)


def _donut(counts: Mapping[str, int]) -> str:
    """The counts as an SVG ring, one arc per status."""
    total = sum(counts.values())
    radius, width = 50, 18
    circumference = 2 * 3.141592653589793 * radius
    arcs = []
    offset = 0.0
    for status in STATUS_ORDER:
        if not counts.get(status) or not total:
            continue
        length = circumference * counts[status] / total
        arcs.append(
            f'<circle r="{radius}" cx="70" cy="70" fill="none" stroke="{STATUS_COLOURS[status]}" '
            f'stroke-width="{width}" stroke-dasharray="{length:.2f} {circumference - length:.2f}" '
            f'stroke-dashoffset="{-offset:.2f}" transform="rotate(-90 70 70)">'
            f"<title>{escape(status_word(status))}: {counts[status]}</title></circle>"
        )
        offset += length
    if not arcs:
        arcs.append(
            f'<circle r="{radius}" cx="70" cy="70" fill="none" stroke="#ddd" '
            f'stroke-width="{width}"/>'
        )
    return (
        '<svg class="donut" width="140" height="140" viewBox="0 0 140 140" role="img" '
        f'aria-label="{escape(tr("hasil run"))}">{"".join(arcs)}'
        f'<text x="70" y="68" text-anchor="middle" font-size="24" font-weight="bold">{total}</text>'
        f'<text x="70" y="88" text-anchor="middle" font-size="11">{escape(tr("skenario"))}</text>'
        "</svg>"
    )


def load_history(run_dir: Path, current: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The QA runs in ``run_dir``'s parent folder (this one included, a merged run's own
    shards left out), oldest first: their start, counts and time, read from each run.json."""
    entries: list[dict[str, Any]] = []
    here = run_dir.resolve()
    parent = here.parent
    # A merged run's shards are this run, not earlier ones.
    shards = current.get("shards")
    parts = {
        Path(str(s["source"])).resolve()
        for s in (shards if isinstance(shards, list) else [])
        if isinstance(s, Mapping) and s.get("source")
    }
    for manifest_path in parent.glob(f"*/{MANIFEST_NAME}"):
        folder = manifest_path.parent
        if folder.resolve() == here or folder.resolve() in parts:
            continue
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(manifest, dict) or not isinstance(manifest.get("counts"), dict):
            continue
        entries.append(_history_entry(folder.name, manifest))
    entries.append(_history_entry(here.name, current))
    entries.sort(key=lambda e: (e["started"], e["run"]))
    return entries[-HISTORY_LIMIT:]


def _history_entry(name: str, manifest: Mapping[str, Any]) -> dict[str, Any]:
    raw = manifest.get("counts")
    counts = raw if isinstance(raw, Mapping) else {}
    return {
        "run": name,
        "started": str(manifest.get("started") or ""),
        "counts": {s: int(counts.get(s, 0)) for s in STATUS_ORDER},
        "elapsed_s": float(manifest.get("elapsed_s") or 0.0),
    }


def _short_wib(iso: str) -> tuple[str, str]:
    """A start time as two short lines under a trend bar: '03/03' and '09:00'."""
    try:
        moment = datetime.fromisoformat(iso).astimezone(WIB)
    except ValueError:
        return iso[:10], ""
    return f"{moment:%d/%m}", f"{moment:%H:%M}"


def _trend(history: Sequence[Mapping[str, Any]], current: str) -> str:
    if len(history) < 2:
        first = tr("Belum ada run sebelumnya di folder run ini: tren muncul mulai run kedua.")
        return f'<p class="muted">{escape(first)}</p>'
    step, bar, top, height, left = 64, 36, 24, 150, 40
    peak = max(sum(h["counts"].values()) for h in history) or 1
    slowest = max(h["elapsed_s"] for h in history) or 1.0
    parts, points = [], []
    for index, entry in enumerate(history):
        x = left + index * step
        middle = x + bar / 2
        y = float(top + height)
        for status in STATUS_ORDER:
            count = entry["counts"].get(status, 0)
            if not count:
                continue
            tall = height * count / peak
            y -= tall
            parts.append(
                f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{tall:.1f}" '
                f'fill="{STATUS_COLOURS[status]}"><title>{escape(entry["run"])}: '
                f"{escape(status_word(status))} {count}</title></rect>"
            )
        parts.append(
            f'<text x="{middle}" y="{y - 4:.1f}" font-size="11" text-anchor="middle">'
            f"{sum(entry['counts'].values())}</text>"
        )
        points.append(f"{middle:.1f},{top + height - height * entry['elapsed_s'] / slowest:.1f}")
        day, clock = _short_wib(entry["started"])
        weight = ' font-weight="bold"' if entry["run"] == current else ""
        for line, text in enumerate((day, clock, seconds(entry["elapsed_s"], 0))):
            parts.append(
                f'<text x="{middle}" y="{top + height + 14 + 12 * line}" font-size="10" '
                f'text-anchor="middle"{weight}>{escape(text)}</text>'
            )
    parts.append(
        f'<polyline points="{" ".join(points)}" fill="none" stroke="#1565c0" stroke-width="2" '
        f'stroke-dasharray="4 3"><title>{escape(tr("waktu total"))}</title></polyline>'
    )
    parts.append(
        f'<text x="4" y="{top + 4}" font-size="10">{peak}</text>'
        f'<text x="4" y="{top + height}" font-size="10">0</text>'
    )
    svg_width = left + len(history) * step
    mark = ' class="changed"'
    rows = "".join(
        f"<tr{mark if h['run'] == current else ''}><td>{escape(h['run'])}</td>"
        f"<td>{escape(wib_text(h['started']))}</td>"
        + "".join(f'<td class="num">{h["counts"].get(s, 0)}</td>' for s in STATUS_ORDER[:4])
        + f'<td class="num">{seconds(h["elapsed_s"], 0)}</td></tr>'
        for h in reversed(history)
    )
    heads = "".join(f'<th class="num">{escape(status_word(s))}</th>' for s in STATUS_ORDER[:4])
    legend = tr(
        "Batang: hasil per run (jumlah skenario di atasnya, waktu WIB di bawahnya); garis biru "
        "putus-putus: waktu total."
    )
    return (
        f'<svg width="{svg_width}" height="{top + height + 50}" role="img" '
        f'aria-label="{escape(tr("tren"))}">{"".join(parts)}</svg>'
        f'<p class="muted">{escape(legend)}</p>'
        f"<details><summary>{escape(tr('Tabel run'))}</summary><table><thead><tr><th>Run</th>"
        f"<th>{escape(tr('Mulai'))}</th>{heads}<th class='num'>{escape(tr('waktu'))}</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></details>"
    )


def report_data(
    run_dir: Path,
    outcomes: Sequence[ScenarioOutcome],
    manifest: Mapping[str, Any],
    history: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """What the page shows, as data (embedded in it as JSON)."""
    ordered = ordered_outcomes(outcomes)
    return {
        "run": run_dir.resolve().name,
        "profile": manifest.get("profile", ""),
        "started": manifest.get("started", ""),
        "started_wib": wib_text(str(manifest.get("started") or "")),
        "counts": summary_counts(outcomes),
        "total": len(outcomes),
        "duration_s": round(sum(o.duration_s for o in outcomes), 3),
        "elapsed_s": manifest.get("elapsed_s"),
        "tags": tag_statistics(outcomes),
        "history": list(history),
        "scenarios": [
            {
                "id": o.scenario_id,
                "title": o.title,
                "full_title": o.full_title,
                "feature": o.feature,
                "status": o.status,
                "duration_s": o.duration_s,
                "tags": sorted(o.tags),
                "attempts": len(o.attempts) or 1,
                "checks": [c.__dict__ for c in o.checks],
                "error": o.error,
            }
            for o in ordered
        ],
    }


def ordered_outcomes(outcomes: Sequence[ScenarioOutcome]) -> list[ScenarioOutcome]:
    """Failures first (then flaky, passed, not applicable), by id within each."""
    rank = {s: n for n, s in enumerate(STATUS_ORDER)}
    return sorted(outcomes, key=lambda o: (rank.get(o.status, 99), *o.catalog_order))


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
                    else tr("(tidak ada di run ini)")
                )
                items.append(f"<li>[{index + 1}] {escape(observed)}</li>")
            detail = (
                f"<details><summary>{escape(tr('pesan'))}</summary>"
                f"<ul>{''.join(items)}</ul></details>"
            )
        css = ' class="changed"' if row.changed else ""
        body.append(
            f'<tr{css}><td class="id">{escape(row.key[0])}</td>'
            f"<td>{escape(row.key[1])}{detail}</td>"
            f"{cells}<td>{escape(', '.join(map(change_word, row.kinds)) or '=')}</td></tr>"
        )
    changed = sum(1 for r in rows if r.changed)
    summary = tr(
        "{changed} dari {total} skenario berubah hasil atau pesannya terhadap [1] {run}.",
        changed=changed,
        total=len(rows),
        run=runs[0].label,
    )
    return (
        f'<section id="regresi"><h2>{escape(tr("Matriks regresi"))}</h2>'
        f"<p>{escape(summary)}</p>"
        f"<table><thead><tr><th>ID</th><th>{escape(tr('Skenario'))}</th>{heads}"
        f"<th>{escape(tr('Perubahan'))}</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></section>"
    )


def page(title: str, body: str, *, script: str = "") -> str:
    js = f"<script>{script}</script>" if script else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{current_language()}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head>"
        f"<body><h1>{escape(title)}</h1>{body}{js}</body></html>\n"
    )


def _json_script(data: Mapping[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{DATA_ID}">{text}</script>'


def _overview(data: Mapping[str, Any]) -> str:
    counts = data["counts"]
    cards = "".join(
        f'<div class="card" style="border-top:4px solid {STATUS_COLOURS[s]}">'
        f"<b>{counts[s]}</b>{escape(status_word(s))}</div>"
        for s in STATUS_ORDER[:4]
    )
    if counts.get("skipped"):
        cards += f'<div class="card"><b>{counts["skipped"]}</b>{status_word("skipped")}</div>'
    elapsed = data.get("elapsed_s")
    wall = seconds(float(elapsed), 0) if elapsed is not None else "-"
    durations = (
        f'<div class="card"><b>{wall}</b>{escape(tr("waktu total"))}</div>'
        f'<div class="card"><b>{seconds(data["duration_s"], 0)}</b>'
        f"{escape(tr('jumlah durasi skenario'))}</div>"
    )
    return (
        f'<div class="overview">{_donut(counts)}<div><div class="cards">{cards}</div>'
        f'<div class="cards" style="margin-top:10px">{durations}</div></div></div>'
    )


def _slowest(outcomes: Sequence[ScenarioOutcome]) -> str:
    slow = sorted(outcomes, key=lambda o: o.duration_s, reverse=True)[:5]
    if not slow:
        return ""
    items = "".join(
        f"<li>{escape(o.full_title)}: {seconds(o.duration_s)}</li>" for o in slow if o.duration_s
    )
    heading = escape(tr("Skenario terlama"))
    return f"<details><summary>{heading}</summary><ol>{items}</ol></details>"


def _filters(tags: Sequence[dict[str, Any]], total: int) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" class="status" value="{escape(s)}" checked> '
        f"{status_badge(s)}</label>"
        for s in STATUS_ORDER
    )
    options = "".join(
        f'<option value="{escape(t["tag"])}">@{escape(t["tag"])}</option>' for t in tags
    )
    shown = tr(
        "{shown} dari {total} ditampilkan",
        shown=f'<span id="ditampilkan">{total}</span>',
        total=total,
    )
    return (
        f'<div class="filters">{boxes}<label>Tag: <select id="tag"><option value="">'
        f"{escape(tr('semua'))}</option>{options}</select></label>"
        f'<label>{escape(tr("Cari"))}: <input id="cari" type="search" '
        f'placeholder="{escape(tr("id, judul, pesan"))}"></label>'
        f'<span class="muted">{shown}</span></div>'
    )


def render_report(
    run_dir: Path,
    outcomes: Sequence[ScenarioOutcome],
    manifest: Mapping[str, Any],
    *,
    matrix: str = "",
    history: Sequence[Mapping[str, Any]] | None = None,
) -> str:
    """The whole report page of a run folder (links relative to ``run_dir``)."""
    budget = _Budget(EMBED_BUDGET_BYTES)
    if history is None:
        history = load_history(run_dir, {**manifest, "counts": summary_counts(outcomes)})
    data = report_data(run_dir, outcomes, manifest, history)
    ordered = ordered_outcomes(outcomes)
    rows = [_scenario_html(o, run_dir, budget) for o in ordered]
    table = (
        f"{_filters(data['tags'], len(rows))}"
        f"<table><thead><tr><th>ID</th><th>{escape(tr('Skenario'))}</th>"
        f"<th>{escape(tr('Hasil'))}</th><th>{escape(tr('Durasi'))}</th>"
        f"<th>{escape(tr('Percobaan'))}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else f'<p class="bad">{escape(tr("Tidak ada skenario yang dijalankan."))}</p>'
    )
    body = (
        f"{_run_status_html(manifest)}"
        f"<section id='ringkasan'>{_overview(data)}{_slowest(outcomes)}"
        f"{_meta_html(manifest, run_dir)}</section>"
        f"<section id='tren'><h2>{escape(tr('Tren terhadap run sebelumnya'))}</h2>"
        f"{_trend(history, data['run'])}</section>"
        f"<section id='statistik-tag'><h2>{escape(tr('Statistik per tag'))}</h2>"
        f"{_tag_table(data['tags'])}</section>"
        f"{matrix}"
        f'<section id="skenario"><h2>{escape(tr("Skenario"))}</h2>{table}</section>'
        f"{_json_script(data)}"
    )
    title = tr("Run QA SPSE {run}", run=data["run"])
    return page(title, body, script=SCRIPT if rows else "")


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


def read_report_data(html: str) -> dict[str, Any]:
    """The data embedded in a report page (as ``render_report`` wrote it)."""
    start_tag = f'<script type="application/json" id="{DATA_ID}">'
    start = html.index(start_tag) + len(start_tag)
    end = html.index("</script>", start)
    data: dict[str, Any] = json.loads(html[start:end])
    return data
