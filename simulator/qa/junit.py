"""``junit.xml`` of a scenario run, as CI servers (Jenkins, GitLab) show it.

One <testcase> per scenario (per "Contoh" row of a "Skenario konsep"), named by its id and full
title ("KODOK-010 Nama file dengan simbol , ditolak SpamKodok [contoh 1]"), its classname the
feature, its <properties> the tags (``tag`` once per tag, ``sumber``/``aturan``/``profil`` for
each value) and its status. A failure's text is every check that did not hold, expected and
observed with the difference marked; a scenario that is not applicable is <skipped>; a flaky
one (failed, then passed on a re-run) is a <failure type="flaky">, as spse-sim's exit code
counts it, with every attempt listed. A run stopped before it ended (Ctrl-C, SIGTERM) has one
more <testcase> with an <error type="interrupted">, so that no CI server shows it green, and
one such <testcase> per scenario it cut off, naming the folder with what that scenario did.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from simulator.harness.run_folder import INTERRUPTED
from simulator.qa.textdiff import marked
from simulator.scenarios.catalog import PROFILE_PREFIX, RULE_PREFIX, SOURCE_PREFIX
from simulator.scenarios.run import ScenarioOutcome, full_title
from simulator.scenarios.statuses import FAILED, FAILING, NOT_TESTED
from simulator.scenarios.unfinished import UnfinishedScenario
from spse_shared.language import tr

SUITE_NAME = "spse-sim"
# Tag prefix -> the property a tag's value is also given under.
TAG_PROPERTIES = {SOURCE_PREFIX: "sumber", RULE_PREFIX: "aturan", PROFILE_PREFIX: "profil"}


def failure_text(outcome: ScenarioOutcome) -> str:
    """What went wrong, for people: each failed check (with its difference), then the error."""
    lines = []
    for check in outcome.checks:
        if check.ok:
            continue
        lines += [
            f"Pemeriksaan: {check.step}",
            f"  diharapkan: {check.expected}",
            f"  teramati:   {check.observed}",
            f"  beda:       {marked(check.expected, check.observed)}",
        ]
    if outcome.error:
        lines.append(f"Galat: {outcome.error}")
    for number, attempt in enumerate(outcome.attempts, start=1):
        lines.append(f"Percobaan {number}: {attempt.status} ({attempt.duration_s:.1f} dtk)")
    return "\n".join(lines)


def testcase(outcome: ScenarioOutcome) -> ET.Element:
    """The <testcase> of one scenario."""
    case = ET.Element(
        "testcase",
        {
            "classname": outcome.feature or outcome.scenario_id,
            "name": outcome.full_title,
            "time": f"{outcome.duration_s:.3f}",
        },
    )
    properties = ET.SubElement(case, "properties")
    pairs = [("id", outcome.scenario_id), ("status", outcome.status)]
    for tag in sorted(outcome.tags):
        pairs.append(("tag", tag))
        for prefix, name in TAG_PROPERTIES.items():
            if tag.startswith(prefix):
                pairs.append((name, tag.removeprefix(prefix)))
    for name, value in pairs:
        ET.SubElement(properties, "property", {"name": name, "value": value})
    first_line = outcome.error.splitlines()[0] if outcome.error else ""
    if outcome.status == FAILED:
        failed = [c for c in outcome.checks if not c.ok]
        message = f"{failed[0].step}: teramati {failed[0].observed!r}" if failed else first_line
        node = ET.SubElement(case, "failure", {"message": message, "type": "gagal"})
        node.text = failure_text(outcome)
    elif outcome.status == "flaky":
        node = ET.SubElement(
            case, "failure", {"message": "flaky: gagal, lalu lolos saat diulang", "type": "flaky"}
        )
        node.text = failure_text(outcome)
    elif outcome.status in NOT_TESTED:
        ET.SubElement(case, "skipped", {"message": first_line or outcome.status})
    return case


def unfinished_case(cut: UnfinishedScenario) -> ET.Element:
    """The <testcase> of a scenario Ctrl-C cut off: named as it would have been, an error that
    says where what it did is (also its ``folder`` property)."""
    case = ET.Element(
        "testcase",
        {
            "classname": cut.feature or cut.scenario_id,
            "name": full_title(cut.scenario_id, cut.title, cut.example),
            "time": "0",
        },
    )
    properties = ET.SubElement(case, "properties")
    for name, value in (("id", cut.scenario_id), ("status", INTERRUPTED), ("folder", cut.folder)):
        ET.SubElement(properties, "property", {"name": name, "value": value})
    message = tr(
        "dihentikan (Ctrl-C) di tengah jalan; langkah yang sudah dijalankan ada di {folder}",
        folder=cut.folder,
    )
    ET.SubElement(case, "error", {"type": INTERRUPTED, "message": message})
    return case


def write_junit(
    path: Path,
    outcomes: Sequence[ScenarioOutcome],
    *,
    timestamp: str = "",
    interrupted: bool = False,
    unfinished: Sequence[UnfinishedScenario] = (),
) -> Path:
    """Write ``path``: one <testsuite> with a <testcase> per outcome (and the totals), and one
    with an error when the run was ``interrupted``, and per ``unfinished`` scenario."""
    suite = ET.Element("testsuite", {"name": SUITE_NAME})
    stopped_cases = len(unfinished) + int(interrupted)
    totals = {
        "tests": len(outcomes) + stopped_cases,
        "failures": sum(1 for o in outcomes if o.status in FAILING),
        "errors": stopped_cases,
        "skipped": sum(1 for o in outcomes if o.status in NOT_TESTED),
    }
    for name, value in totals.items():
        suite.set(name, str(value))
    suite.set("time", f"{sum(o.duration_s for o in outcomes):.3f}")
    if timestamp:
        suite.set("timestamp", timestamp)
    for outcome in outcomes:
        suite.append(testcase(outcome))
    for cut in unfinished:
        suite.append(unfinished_case(cut))
    if interrupted:
        stopped = ET.SubElement(
            suite,
            "testcase",
            {"classname": SUITE_NAME, "name": tr("run dihentikan sebelum selesai"), "time": "0"},
        )
        ET.SubElement(
            stopped,
            "error",
            {
                "type": INTERRUPTED,
                "message": tr(
                    "run dihentikan (Ctrl-C) sebelum selesai: skenario yang belum dimulai tidak "
                    "tercantum"
                ),
            },
        )
    root = ET.Element("testsuites", {"name": SUITE_NAME})
    for name in ("tests", "failures", "errors", "skipped", "time"):
        root.set(name, suite.get(name, ""))
    root.append(suite)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path
