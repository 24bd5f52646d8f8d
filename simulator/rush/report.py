"""What a rush leaves for people: verdict.json and the rush section of the run's report.html.

The section has the verdict, the counts, the findings, the Chromium vendors' view and a
latency-over-time chart drawn as inline SVG (the page stays one self-contained file).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from simulator.harness.run_folder import HTML_REPORT_NAME
from simulator.qa.report_html import page
from simulator.rush.people import PersonRecord
from spse_shared.atomic import write_atomic

VERDICT_NAME = "verdict.json"
CHART_W, CHART_H, PAD = 720, 280, 44
SERIES = (("p50_ms", "#2e7d32", "p50"), ("p95_ms", "#ef6c00", "p95"), ("p99_ms", "#c62828", "p99"))
LIST_SERIES = ("daftar_tender_p95_ms", "#1565c0", "daftar tender p95")


def write_verdict(folder: Path, verdict: Mapping[str, Any]) -> Path:
    path = folder / VERDICT_NAME
    write_atomic(path, json.dumps(verdict, indent=1, ensure_ascii=False).encode())
    return path


def latency_chart(
    points: Sequence[Mapping[str, float]], deadline_s: float | None, kill_s: float | None = None
) -> str:
    """An SVG line chart of upload latency percentiles (and the tender list's p95) per bucket,
    with the deadline (and the kill) marked; the legend below the axis."""
    if not points:
        return "<p>Tidak ada data latensi.</p>"
    keys = [key for key, _, _ in SERIES] + [LIST_SERIES[0]]
    top = max(max(float(p.get(k, 0)) for k in keys) for p in points) or 1.0
    last = max(float(p["detik"]) for p in points) or 1.0
    if deadline_s is not None:
        last = max(last, deadline_s)

    def x(seconds: float) -> float:
        return PAD + (CHART_W - 2 * PAD) * seconds / last

    def y(ms: float) -> float:
        return CHART_H - PAD - (CHART_H - 2 * PAD) * ms / top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_W}" height="{CHART_H}" '
        f'role="img" aria-label="Latensi unggah per waktu">',
        f'<rect x="0" y="0" width="{CHART_W}" height="{CHART_H}" fill="#fff"/>',
        f'<line x1="{PAD}" y1="{CHART_H - PAD}" x2="{CHART_W - PAD}" y2="{CHART_H - PAD}" '
        'stroke="#333"/>',
        f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{CHART_H - PAD}" stroke="#333"/>',
        f'<text x="{PAD}" y="{PAD - 8}" font-size="11">{top:.0f} ms</text>',
        f'<text x="{CHART_W - PAD}" y="{CHART_H - PAD + 16}" font-size="11" '
        f'text-anchor="end">{last:.0f} s</text>',
        f'<text x="{PAD}" y="{CHART_H - PAD + 16}" font-size="11">0 s</text>',
    ]
    for moment, label, color in (
        (deadline_s, "batas waktu", "#8b0000"),
        (kill_s, "kill -9", "#555"),
    ):
        if moment is None:
            continue
        parts.append(
            f'<line x1="{x(moment):.1f}" y1="{PAD}" x2="{x(moment):.1f}" '
            f'y2="{CHART_H - PAD}" stroke="{color}" stroke-dasharray="4 3"/>'
            f'<text x="{x(moment) + 4:.1f}" y="{PAD + 10}" font-size="11" fill="{color}">'
            f"{label}</text>"
        )
    for number, (key, color, label) in enumerate((*SERIES, LIST_SERIES)):
        # A bucket without a value for this series (no receipt in it) is left out, not drawn as 0.
        coords = " ".join(
            f"{x(float(p['detik'])):.1f},{y(float(p.get(key, 0))):.1f}"
            for p in points
            if float(p.get(key, 0)) > 0
        )
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{coords}"/>')
        parts.append(
            f'<text x="{PAD + 130 * number}" y="{CHART_H - 8}" font-size="11" '
            f'fill="{color}">■ {escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(rows: Sequence[tuple[str, object]]) -> str:
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in rows)
    return f'<table class="meta">{cells}</table>'


def rush_section(
    verdict: Mapping[str, Any], people: Sequence[PersonRecord], links: Mapping[str, str]
) -> str:
    """The rush section of report.html."""
    passed = bool(verdict["lulus"])
    badge = (
        '<span class="badge s-passed">LULUS</span>'
        if passed
        else '<span class="badge s-failed">GAGAL</span>'
    )
    info = verdict.get("rush", {})
    latency = verdict["latensi_unggah_ms"]
    listing = verdict["halaman_daftar_tender_ms"]
    summary = _table(
        [
            ("Tender", info.get("tender_id", "")),
            ("Batas waktu (jam server)", info.get("batas_waktu", "")),
            ("Penyedia", info.get("penyedia", "")),
            ("Ukuran penawaran", info.get("ukuran", "")),
            ("Jendela", f"{info.get('jendela_detik', '')} detik sebelum batas waktu"),
            ("Server dimatikan (-9)", info.get("kill", "tidak")),
            ("Waktu sampai tanda terima p50/p95/p99", _ms(latency)),
            ("Halaman daftar tender p50/p95/p99", _ms(listing)),
        ]
    )
    counts = _table(sorted(verdict["jumlah"].items()))
    findings = verdict["temuan"]
    finding_rows = "".join(
        f"<tr><td>{escape(f['check'])}</td><td>{escape(f['vendor'])}</td>"
        f"<td>{escape(f['detail'])}</td></tr>"
        for f in findings[:200]
    )
    finding_html = (
        f"<table><tr><th>Pemeriksaan</th><th>Penyedia</th><th>Rincian</th></tr>{finding_rows}"
        "</table>"
        if findings
        else '<p class="ok">Tidak ada temuan: setiap tanda terima didukung penawaran yang '
        "identik byte demi byte, tidak ada penawaran tanpa tanda terima, tidak ada ganda.</p>"
    )
    excused = verdict.get("dimaafkan", [])
    excused_html = (
        f"<p>{len(excused)} hal dimaafkan karena server dimatikan saat permintaan berjalan.</p>"
        if excused
        else ""
    )
    people_rows = "".join(
        f"<tr><td>{escape(p.vendor)}</td><td>{p.tender_list_ms:.0f}</td>"
        f"<td>{p.offer_page_ms:.0f}</td><td>{p.send_ms:.0f}</td>"
        f"<td>{escape(' '.join(p.messages) or (p.error or ''))}</td></tr>"
        for p in people
    )
    people_html = (
        "<table><tr><th>Penyedia (Chromium)</th><th>Daftar tender (ms)</th>"
        "<th>Halaman penawaran (ms)</th><th>Kirim sampai jawaban (ms)</th><th>Pesan</th></tr>"
        f"{people_rows}</table>"
        if people
        else "<p>Tidak ada penyedia Chromium.</p>"
    )
    link_html = " · ".join(f'<a href="{escape(t)}">{escape(n)}</a>' for n, t in links.items())
    deadline_s = info.get("batas_detik")
    return (
        f'<section id="rush"><h2>Rush batas waktu {badge}</h2>{summary}'
        f"<h3>Latensi per waktu</h3>"
        f"{latency_chart(verdict['per_waktu'], deadline_s, info.get('kill_detik'))}"
        f"<h3>Temuan</h3>{finding_html}{excused_html}"
        f"<h3>Yang dilihat penyedia di browser</h3>{people_html}"
        f"<h3>Jumlah</h3>{counts}<p>{link_html}</p></section>"
    )


def _ms(figures: Mapping[str, float]) -> str:
    return f"{figures['p50']:.0f} / {figures['p95']:.0f} / {figures['p99']:.0f} ms"


def write_report(
    folder: Path,
    verdict: Mapping[str, Any],
    people: Sequence[PersonRecord],
    links: Mapping[str, str],
) -> Path:
    """The run's report.html with its rush section."""
    path = folder / HTML_REPORT_NAME
    html = page("Laporan rush batas waktu", rush_section(verdict, people, links))
    write_atomic(path, html.encode())
    return path
