"""What a scenario records and keeps as evidence (``spse-sim run --artifacts``, in pytest
``--sim-artifacts``).

A module of its own, without pytest or Playwright, so that the CLI can offer the choices in its
help without importing the scenario machinery.

Recording (a Playwright trace of every desk, a full-page screenshot after every step) is about a
fifth of a catalog run's CPU, and a passed scenario's recording is thrown away. So, as Playwright
recommends for CI (``trace: 'on-first-retry'`` with retries):

- ``on-first-retry`` (the default of ``spse-sim run``): a scenario's first attempt records no
  trace and no step screenshots, only its chronology (steps, checks, messages, page titles and
  URLs) and, at a failing step, a screenshot of every desk. A failed scenario is then run once
  more (``spse-sim run`` does it: ``rerun-1/``) with everything recorded and kept; worlds are
  deterministic (seeded test data, simulated clock), so a real failure fails again, and that
  attempt's folder holds the complete evidence (traces, every step's screenshot, Word report).
  A pytest run of its own (no ``spse-sim run`` around it) does not retry.
- ``on-failure``: every attempt records; a failed scenario keeps its traces and step
  screenshots, a passed one drops them (pytest-playwright's ``retain-on-failure``).
- ``always``: every attempt records and keeps everything (``--evidence`` and ``--ticket``
  imply it: the Word report and the ticket show the screenshots).
"""

from __future__ import annotations

ARTIFACTS_ON_FIRST_RETRY = "on-first-retry"
ARTIFACTS_ON_FAILURE = "on-failure"
ARTIFACTS_ALWAYS = "always"
ARTIFACT_CHOICES = (ARTIFACTS_ON_FIRST_RETRY, ARTIFACTS_ON_FAILURE, ARTIFACTS_ALWAYS)
# What ``spse-sim run`` does unless told otherwise: passes cost nothing for evidence. A pytest
# run of the catalog on its own keeps ``on-failure`` (no retry would record a failure there).
RUN_DEFAULT = ARTIFACTS_ON_FIRST_RETRY
# The Gherkin tag (``@rekaman``) of a scenario whose subject is its own recording, such as the
# vendor's Word chronology with the screenshots of the steps before: it records on every attempt.
RECORDED_TAG = "rekaman"


def scenario_artifacts(artifacts: str, *, evidence: bool, tags: set[str]) -> str:
    """The mode one scenario records in: the run's (``effective_artifacts``), except that a
    scenario tagged ``@rekaman`` records its first attempt too (``on-failure``)."""
    mode = effective_artifacts(artifacts, evidence=evidence)
    if mode == ARTIFACTS_ON_FIRST_RETRY and RECORDED_TAG in tags:
        return ARTIFACTS_ON_FAILURE
    return mode


def effective_artifacts(artifacts: str, *, evidence: bool) -> str:
    """The mode a run records in: ``evidence`` (a Word report for every scenario, with its
    screenshots) records everything on every attempt, whatever ``artifacts`` says."""
    return ARTIFACTS_ALWAYS if evidence else artifacts


def records(artifacts: str) -> bool:
    """Whether an attempt in this mode records traces and step screenshots."""
    return artifacts != ARTIFACTS_ON_FIRST_RETRY


def retry_modes(artifacts: str, reruns: int) -> list[str]:
    """The mode of each re-run of the failures, in order (empty: no re-run).

    ``on-first-retry`` always re-runs failures once, recording (``always``: a recorded re-run
    that passes keeps its evidence too, as Playwright keeps the trace of a first retry); further
    re-runs asked for with ``--reruns N`` record nothing again. The other modes re-run only
    when asked, each re-run recording as the first attempt did.
    """
    if artifacts == ARTIFACTS_ON_FIRST_RETRY:
        return [ARTIFACTS_ALWAYS] + [ARTIFACTS_ON_FIRST_RETRY] * (max(reruns, 1) - 1)
    return [artifacts] * reruns
