"""The Allure labels of a catalog scenario (simulator.scenarios.allure_evidence)."""

from __future__ import annotations

from simulator.scenarios.allure_evidence import allure_labels


def test_tags_become_id_source_rule_profile_and_story_labels() -> None:
    labels = allure_labels(
        ["KODOK-003", "aturan-hh-2", "profil-spse-4.3-ca", "sumber-hal-hal-yang-harus-diperhatikan"]
    )
    assert ("as_id", "KODOK-003") in labels
    assert ("aturan", "hh-2") in labels
    assert ("profil", "spse-4.3-ca") in labels
    assert ("sumber", "hal-hal-yang-harus-diperhatikan") in labels
    assert ("story", "hh-2: Nama file maksimal 40 karakter sudah termasuk ekstensinya") in labels
    assert ("epic", "Konsep Operasional SPSE 4.3 CA") in labels
    assert [v for n, v in labels if n == "tag"] == [
        "KODOK-003",
        "aturan-hh-2",
        "profil-spse-4.3-ca",
        "sumber-hal-hal-yang-harus-diperhatikan",
    ]
