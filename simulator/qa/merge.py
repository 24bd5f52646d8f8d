"""Join the run folders of a sharded catalog run into one run folder and one report.

As Playwright's merge-reports: each machine of a CI matrix runs ``spse-sim run --all --shard
I/N`` into a folder of its own; ``merge_runs(OUT, [shard folders])`` then writes ``OUT`` as one
run of the whole catalog:

    shards/<label>/      each shard's folder as it was (scenario evidence, its own outcomes,
                         junit.xml, report), copied (hard links where ``link`` and possible)
    outcomes.json        every shard's outcomes, evidence paths pointing into shards/<label>/
    junit.xml            one <testsuites> holding every shard's <testsuite>
    run.json             the run's manifest, with one entry per shard
    index.json           the scenario-run index: every scenario folder, and the shards
    report.html          one report (``simulator.qa.report_html.write_report``)
    coverage.html        the rules of the Konsep Operasional and their scenarios' statuses

Refused (MergeError), with nothing written: a scenario found in two shards, the same shard twice,
shards of different runs (profile, selected ids, -k, seed, deployment, or N), a folder that is
not a complete run folder (outcomes.json missing or not a list of results, fewer results than
its run.json counts, an unreadable junit.xml), an output folder that is not empty. A merge never
hides or doubles a result; a shard that did not come makes the merged run "incomplete".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.evidence.bundle import write_scenario_run_index
from simulator.harness.run_folder import (
    INCOMPLETE,
    INDEX_NAME,
    INTERRUPTED,
    JUNIT_NAME,
    MANIFEST_NAME,
    OUTCOMES_NAME,
)
from simulator.qa.coverage_html import catalog_entries, write_coverage
from simulator.qa.junit import unfinished_case
from simulator.qa.report_html import summary_counts, write_report
from simulator.qa.run import qa_exit_code
from simulator.scenarios.run import ScenarioOutcome
from simulator.scenarios.shard import Shard, parse_shard
from simulator.scenarios.statuses import FAILED, PASSED, STATUS_ORDER
from simulator.scenarios.unfinished import UnfinishedScenario, read_unfinished
from spse_shared.language import tr

SHARDS_DIR = "shards"
JUNIT_TOTALS = ("tests", "failures", "errors", "skipped")
# What makes shards slices of one run, as run.json records it: (key, the option people set).
SELECTION = (
    ("ids", "id"),
    ("keyword", "-k"),
    ("seed", "--seed"),
    ("base_url", "--base-url"),
    # The catalog's fingerprint (simulator.scenarios.catalog.catalog_digest): shards divide by
    # steps, so shards of different catalogs may leave a scenario in none.
    ("catalog", "--catalog"),
)


class MergeError(ValueError):
    """The folders cannot be merged into one run (see the module's docstring)."""


@dataclass(frozen=True)
class ShardRun:
    """One shard's run folder, read back."""

    path: Path
    label: str
    manifest: dict[str, Any]
    index: dict[str, Any]
    outcomes: list[ScenarioOutcome]
    parsed: Shard | None
    junit: ET.Element | None
    unfinished: list[UnfinishedScenario]

    @property
    def shard(self) -> str | None:
        return str(self.parsed) if self.parsed is not None else None

    @property
    def status(self) -> str:
        return str(self.manifest.get("status") or self.index.get("status") or "")

    @property
    def exit_code(self) -> int:
        code = self.manifest.get("pytest_exit_code", self.index.get("pytest_exit_code", 0))
        return int(code) if code is not None else 0


@dataclass(frozen=True)
class MergeResult:
    output_dir: Path
    outcomes: list[ScenarioOutcome]
    manifest: dict[str, Any]
    report: Path

    @property
    def exit_code(self) -> int:
        """As ``spse-sim run``: 0 only when every shard is there, something ran and nothing
        failed, was flaky or was interrupted."""
        return 0 if self.manifest["status"] == PASSED else 1


def read_shard(path: Path, position: int) -> ShardRun:
    """A shard's folder (``position``: 1-based place on the command line, for its label),
    read and checked whole before anything is written."""
    if not path.exists():
        raise MergeError(tr("{path}: folder tidak ada", path=path))
    outcomes_path = path / OUTCOMES_NAME
    if not outcomes_path.is_file():
        raise MergeError(
            tr("{path}: tidak ada {name}: bukan folder run skenario", path=path, name=OUTCOMES_NAME)
        )
    outcomes = _read_outcomes(outcomes_path)
    manifest = _read_json(path / MANIFEST_NAME)
    index = _read_json(path / INDEX_NAME)
    counted = manifest.get("counts")
    counts = counted.values() if isinstance(counted, dict) else ()
    if counts and all(isinstance(n, int) for n in counts) and sum(counts) != len(outcomes):
        raise MergeError(
            tr(
                "{path}: {found} hasil skenario, tetapi {manifest} mencatat {counted}: "
                "folder run tidak utuh",
                path=outcomes_path,
                found=len(outcomes),
                manifest=MANIFEST_NAME,
                counted=sum(counts),
            )
        )
    shard = manifest.get("shard") or index.get("shard")
    parsed = _parse(str(shard), path) if shard else None
    label = f"shard-{parsed.index}-of-{parsed.total}" if parsed else f"run-{position}"
    junit = _read_junit(path / JUNIT_NAME)
    # run.json of ``spse-sim run``; a run made otherwise has its index.json only.
    unfinished = _read_unfinished(
        manifest or index, path / (MANIFEST_NAME if manifest else INDEX_NAME)
    )
    return ShardRun(path, label, manifest, index, outcomes, parsed, junit, unfinished)


def _read_unfinished(run: dict[str, Any], path: Path) -> list[UnfinishedScenario]:
    """The scenarios Ctrl-C cut off in an interrupted shard (simulator.scenarios.unfinished)."""
    try:
        return read_unfinished(run.get("unfinished"))
    except ValueError as exc:
        raise MergeError(
            tr("{path}: daftar skenario yang terhenti (unfinished) rusak", path=path)
        ) from exc


def _read_outcomes(path: Path) -> list[ScenarioOutcome]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MergeError(tr("{path}: tidak terbaca: {reason}", path=path, reason=exc)) from exc
    if not isinstance(data, list):
        raise MergeError(tr("{path}: bukan daftar hasil skenario", path=path))
    outcomes = []
    for number, item in enumerate(data, start=1):
        try:
            if not isinstance(item, dict):
                raise TypeError(item)
            outcome = ScenarioOutcome.from_json(item)
            if not _well_formed(outcome):
                raise ValueError(item)
            outcomes.append(outcome)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise MergeError(
                tr("{path}: hasil skenario ke-{n} tidak lengkap atau rusak", path=path, n=number)
            ) from exc
    return outcomes


def _well_formed(outcome: ScenarioOutcome) -> bool:
    """What the merge and its report rely on: a known status, texts, a number of seconds."""
    texts = (outcome.scenario_id, outcome.title, outcome.error, outcome.artifacts, outcome.nodeid)
    return (
        outcome.status in STATUS_ORDER
        and all(isinstance(text, str) for text in texts)
        and isinstance(outcome.duration_s, int | float)
        and isinstance(outcome.example, int)
        and all(isinstance(a.duration_s, int | float) for a in outcome.attempts)
    )


def _read_junit(path: Path) -> ET.Element | None:
    if not path.is_file():
        return None
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise MergeError(tr("{path}: tidak terbaca: {reason}", path=path, reason=exc)) from exc


def _parse(text: str, path: Path) -> Shard:
    try:
        return parse_shard(text)
    except argparse.ArgumentTypeError as exc:
        raise MergeError(f"{path}: {exc}") from exc


def merge_runs(output_dir: Path, shard_dirs: Sequence[Path], *, link: bool = False) -> MergeResult:
    """Merge ``shard_dirs`` into ``output_dir`` (new or empty); see the module's docstring.
    Every folder is read and checked first; when writing fails (a file that cannot be copied,
    a full disk) what was written is removed again and MergeError says why."""
    if not shard_dirs:
        raise MergeError(tr("tidak ada folder run untuk digabung"))
    shards = [read_shard(Path(p), n) for n, p in enumerate(shard_dirs, start=1)]
    _check(output_dir, shards)
    existed = output_dir.exists()
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        return _write(output_dir, shards, link=link)
    except BaseException as exc:
        _remove_written(output_dir, existed=existed)
        if isinstance(exc, shutil.Error):
            source, _target, why = exc.args[0][0]
            raise MergeError(
                tr("{path}: tidak dapat disalin: {reason}", path=source, reason=why)
            ) from exc
        raise


def _write(output_dir: Path, shards: Sequence[ShardRun], *, link: bool) -> MergeResult:
    outcomes: list[ScenarioOutcome] = []
    for shard in shards:
        prefix = _shard_folder(shard)
        _copy_tree(shard.path, output_dir / prefix, link=link)
        outcomes += [_under(o, prefix) for o in shard.outcomes]
    outcomes.sort(key=lambda o: o.catalog_order)
    (output_dir / OUTCOMES_NAME).write_text(
        json.dumps([o.to_json() for o in outcomes], indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    _merge_junit(output_dir / JUNIT_NAME, shards)
    manifest = _manifest(shards, outcomes)
    (output_dir / MANIFEST_NAME).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    write_scenario_run_index(
        output_dir,
        content={
            "status": manifest["status"],
            "profile": manifest["profile"],
            "seed": manifest["seed"],
            "ok": manifest["status"] == PASSED,
            "pytest_exit_code": manifest["pytest_exit_code"],
            "shards": manifest["shards"],
            **({"unfinished": manifest["unfinished"]} if "unfinished" in manifest else {}),
        },
    )
    started = str(manifest.get("started") or "")
    write_coverage(output_dir, outcomes, catalog_entries(), started=started)
    report = write_report(output_dir, outcomes, manifest)
    return MergeResult(output_dir, outcomes, manifest, report)


def _remove_written(output_dir: Path, *, existed: bool) -> None:
    """Undo a merge that failed while writing: the folder as it was (absent, or empty)."""
    if not existed:
        shutil.rmtree(output_dir, ignore_errors=True)
        return
    for child in list(output_dir.iterdir()) if output_dir.is_dir() else []:
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _check(output_dir: Path, shards: Sequence[ShardRun]) -> None:
    if output_dir.exists() and any(output_dir.iterdir()):
        raise MergeError(tr("{path}: tidak kosong; gabungkan ke folder baru", path=output_dir))
    target = output_dir.resolve()
    for shard in shards:
        source = shard.path.resolve()
        if target == source or source in target.parents or target in source.parents:
            raise MergeError(
                tr(
                    "{path}: berada di dalam atau di sekitar folder run {shard}",
                    path=output_dir,
                    shard=shard.path,
                )
            )
    by_shard: dict[str, list[str]] = {}
    for shard in shards:
        if shard.shard is not None:
            by_shard.setdefault(shard.shard, []).append(str(shard.path))
    for name, folders in by_shard.items():
        if len(folders) > 1:
            raise MergeError(
                tr(
                    "shard {shard} diberikan dua kali: {folders}",
                    shard=name,
                    folders=", ".join(folders),
                )
            )
    profiles = {str(s.manifest.get("profile") or s.index.get("profile") or "") for s in shards}
    profiles.discard("")
    if len(profiles) > 1:
        raise MergeError(
            tr(
                "shard dari profil yang berbeda ({profiles}): bandingkan (spse-sim compare), "
                "jangan digabung",
                profiles=", ".join(sorted(profiles)),
            )
        )
    totals = {s.parsed.total for s in shards if s.parsed is not None}
    if len(totals) > 1 or (totals and any(s.parsed is None for s in shards)):
        raise MergeError(
            tr(
                "shard dari pembagian yang berbeda ({shards}): semua shard harus bagian I/N "
                "dari N yang sama",
                shards=", ".join(s.shard or tr("tanpa --shard") for s in shards),
            )
        )
    for key, option in SELECTION:
        values = {json.dumps(_selection_value(s, key), sort_keys=True) for s in shards}
        if len(values) > 1:
            raise MergeError(
                tr(
                    "shard dari pilihan yang berbeda ({option}: {values}): jalankan setiap "
                    "shard dengan pilihan yang sama",
                    option=option,
                    values=", ".join(sorted(values)),
                )
            )
    seen: dict[str, str] = {}
    for shard in shards:
        for outcome in shard.outcomes:
            key = outcome.nodeid or f"{outcome.scenario_id}::{outcome.title}"
            if key in seen:
                raise MergeError(
                    tr(
                        "{scenario} ada di {first} dan di {second}: shard tidak boleh tumpang "
                        "tindih",
                        scenario=outcome.scenario_id or key,
                        first=seen[key],
                        second=shard.path,
                    )
                )
            seen[key] = str(shard.path)


def _selection_value(shard: ShardRun, key: str) -> Any:
    value = shard.manifest.get(key)
    return sorted(value) if isinstance(value, list) else value


def _under(outcome: ScenarioOutcome, prefix: str) -> ScenarioOutcome:
    """The outcome with its evidence paths (relative ones) inside the merged folder."""

    def moved(path: str) -> str:
        return f"{prefix}/{path}" if path and not Path(path).is_absolute() else path

    attempts = [replace(a, artifacts=moved(a.artifacts)) for a in outcome.attempts]
    return replace(outcome, artifacts=moved(outcome.artifacts), attempts=attempts)


def _copy_tree(source: Path, target: Path, *, link: bool) -> None:
    def copy(src: str, dst: str) -> object:
        if link:
            try:
                os.link(src, dst)
                return dst
            except OSError:
                pass  # another file system, or links not allowed: copy instead
        return shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=copy)


def _merge_junit(target: Path, shards: Sequence[ShardRun]) -> None:
    """One <testsuites> with every shard's <testsuite> (named after its shard) and the totals."""
    merged = ET.Element("testsuites", {"name": "spse-sim merged shards"})
    totals = dict.fromkeys(JUNIT_TOTALS, 0)
    seconds = 0.0
    for shard in shards:
        if shard.junit is None:
            continue
        root = shard.junit
        suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
        for suite in suites:
            suite.set("name", f"{suite.get('name', 'pytest')} {shard.shard or shard.label}")
            _move_unfinished_cases(suite, shard)
            for name in JUNIT_TOTALS:
                totals[name] += _number(suite.get(name))
            seconds += _number(suite.get("time"))
            merged.append(suite)
    for name, value in totals.items():
        merged.set(name, str(value))
    merged.set("time", f"{seconds:.3f}")
    ET.ElementTree(merged).write(target, encoding="utf-8", xml_declaration=True)


def _move_unfinished_cases(suite: ET.Element, shard: ShardRun) -> None:
    """The test cases of the scenarios a shard cut off name their folders under the shard's."""
    for case in suite.findall("testcase"):
        properties = {p.get("name"): p.get("value") for p in case.iter("property")}
        if properties.get("status") == INTERRUPTED and "folder" in properties:
            suite.remove(case)
    for cut in shard.unfinished:
        suite.append(unfinished_case(replace(cut, folder=f"{_shard_folder(shard)}/{cut.folder}")))


def _shard_folder(shard: ShardRun) -> str:
    """Where a shard's run folder is copied in the merged one."""
    return f"{SHARDS_DIR}/{shard.label}"


def _number(text: str | None) -> int:
    try:
        return int(float(text or 0))
    except ValueError:
        return 0


def _manifest(shards: Sequence[ShardRun], outcomes: Sequence[ScenarioOutcome]) -> dict[str, Any]:
    first = shards[0].manifest or shards[0].index
    codes = [s.exit_code for s in shards]
    code = next((c for c in codes if c not in (0, 5)), 0 if 0 in codes else codes[0])
    given = [s.parsed for s in shards if s.parsed is not None]
    missing: list[str] = []
    for total in sorted({g.total for g in given}):
        present = {g.index for g in given if g.total == total}
        missing += [f"{i}/{total}" for i in range(1, total + 1) if i not in present]
    if any(s.status == INTERRUPTED for s in shards):
        status = INTERRUPTED
    elif qa_exit_code(code, outcomes) != 0:
        status = FAILED
    elif missing:
        status = INCOMPLETE
    else:
        status = PASSED
    elapsed = [float(s.manifest.get("elapsed_s") or 0) for s in shards]
    started = sorted(str(s.manifest["started"]) for s in shards if s.manifest.get("started"))
    unfinished = [
        replace(u, folder=f"{_shard_folder(s)}/{u.folder}").to_json()
        for s in shards
        for u in s.unfinished
    ]
    manifest: dict[str, Any] = {
        "kind": "qa-run",
        "status": status,
        "profile": first.get("profile", ""),
        "spse_version": first.get("spse_version", ""),
        "base_url": first.get("base_url"),
        "workers": first.get("workers"),
        "reruns": first.get("reruns"),
        "seed": first.get("seed"),
        "ids": first.get("ids", []),
        "keyword": first.get("keyword"),
        "catalog": first.get("catalog"),
        "started": started[0] if started else None,
        # Shards run side by side on their machines: the slowest one is the run's wall time.
        "elapsed_s": round(max(elapsed), 1),
        "pytest_exit_code": code,
        "counts": summary_counts(outcomes),
        "merged": datetime.now(UTC).isoformat(timespec="seconds"),
        "missing_shards": missing,
        "shards": [
            {
                "folder": _shard_folder(s),
                "source": str(s.path),
                "shard": s.shard,
                "status": s.status,
                "pytest_exit_code": s.exit_code,
                "elapsed_s": s.manifest.get("elapsed_s"),
                "scenarios": len(s.outcomes),
            }
            for s in shards
        ],
    }
    if unfinished:
        manifest["unfinished"] = unfinished
    return manifest


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MergeError(tr("{path}: tidak terbaca: {reason}", path=path, reason=exc)) from exc
    return data if isinstance(data, dict) else {}
