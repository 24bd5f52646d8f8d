"""docs/report-html.png shows the page it claims: the sample run of scripts/report_screenshot.py,
built again here, carries the data the script saved next to the picture (docs/report-html.json).
When the report changes, regenerate both with the script."""

from __future__ import annotations

import importlib.util
import json
import struct
from pathlib import Path
from types import ModuleType

from simulator.qa.report_html import read_report_data

ROOT = Path(__file__).resolve().parents[3]


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "report_screenshot", ROOT / "scripts" / "report_screenshot.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_documented_screenshot_matches_the_page_of_the_sample_run(tmp_path: Path) -> None:
    sample = script()
    run = sample.build_sample(tmp_path)
    data = read_report_data((run / "report.html").read_text(encoding="utf-8"))
    documented = json.loads((ROOT / "docs" / "report-html.json").read_text(encoding="utf-8"))
    assert data == documented
    # What the picture has to show: every kind of outcome, and a trend.
    assert {s["status"] for s in data["scenarios"]} == {"passed", "failed", "flaky", "n/a"}
    assert len(data["history"]) == 4
    # The picture is a PNG of the page's width.
    picture = (ROOT / "docs" / "report-html.png").read_bytes()
    assert picture[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", picture[16:24])
    assert width == sample.WIDTH
    assert height > 1000
