"""Which recording mode one scenario gets."""

from __future__ import annotations

from simulator.scenarios.artifacts import (
    ARTIFACTS_ALWAYS,
    ARTIFACTS_ON_FAILURE,
    ARTIFACTS_ON_FIRST_RETRY,
    RECORDED_TAG,
    records,
    scenario_artifacts,
)


def test_a_first_attempt_records_nothing_unless_the_scenario_is_about_its_recording() -> None:
    plain = scenario_artifacts(ARTIFACTS_ON_FIRST_RETRY, evidence=False, tags={"KODOK-003"})
    about = scenario_artifacts(
        ARTIFACTS_ON_FIRST_RETRY, evidence=False, tags={"KODOK-120", RECORDED_TAG}
    )

    assert (plain, records(plain)) == (ARTIFACTS_ON_FIRST_RETRY, False)
    assert (about, records(about)) == (ARTIFACTS_ON_FAILURE, True)


def test_the_tag_changes_no_other_mode() -> None:
    tags = {RECORDED_TAG}
    assert scenario_artifacts(ARTIFACTS_ALWAYS, evidence=False, tags=tags) == ARTIFACTS_ALWAYS
    assert scenario_artifacts(ARTIFACTS_ON_FAILURE, evidence=False, tags=tags) == (
        ARTIFACTS_ON_FAILURE
    )
    assert scenario_artifacts(ARTIFACTS_ON_FIRST_RETRY, evidence=True, tags=tags) == (
        ARTIFACTS_ALWAYS
    )
