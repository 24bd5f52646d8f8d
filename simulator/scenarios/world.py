"""The state of one scenario: its environment, its actors, and what was expected and seen."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from simulator.browser.journeys.offer import UploadOutcome
from simulator.desk.spamkodok.bridge import SpamKodok
from simulator.evidence.bundle import Check
from simulator.harness.environment import Desk, SimEnvironment
from simulator.testdata.factory import StaffData, VendorData
from spse_shared.language import tr_filled
from spse_shared.messages import MessageCatalog
from spse_shared.profile import Profile


@dataclass
class Actor:
    """A person in the scenario, with their own browser (SpamKodok 2 or plain)."""

    alias: str
    role: str
    user_id: str
    password: str
    desk: Desk
    vendor: VendorData | None = None
    staff: StaffData | None = None

    @property
    def kodok(self) -> SpamKodok:
        """The actor's SpamKodok (a step that needs one fails when the desk has none)."""
        assert self.desk.kodok is not None, f"{self.alias} has no SpamKodok"
        return self.desk.kodok

    @property
    def display_name(self) -> str:
        if self.vendor is not None:
            return self.vendor.company
        assert self.staff is not None
        return self.staff.name


@dataclass
class World:
    env: SimEnvironment
    catalog: MessageCatalog
    # Givens arranged through /_sim/arrange (True) or walked through the pages (False).
    arranged: bool = False
    actors: dict[str, Actor] = field(default_factory=dict)
    tender_id: str | None = None
    uploads: dict[str, UploadOutcome] = field(default_factory=dict)
    observations: list[Check] = field(default_factory=list)

    @property
    def profile(self) -> Profile:
        return self.env.profile

    def actor(self, alias: str) -> Actor:
        try:
            return self.actors[alias]
        except KeyError:
            raise AssertionError(
                f"no actor {alias!r} in this scenario (known: {sorted(self.actors)})"
            ) from None

    def require_tender(self) -> str:
        if self.tender_id is None:
            raise AssertionError("this step needs a tender: announce one in the background first")
        return self.tender_id

    def expect_message(self, step: str, key: str, shown: list[str]) -> str:
        """Assert one of ``shown`` is the catalog message ``key`` (any parameters); record it.

        ``step`` names the check in Bahasa Indonesia; it is recorded in the chosen language
        (spse_shared/english_checks.py), as are the other texts of the reports."""
        step = tr_filled(step)
        template = self.catalog.templates()[key]
        pattern = message_pattern(template)
        match = next((text for text in shown if pattern.search(text)), None)
        observed = match if match is not None else (" | ".join(shown) or "(tidak ada pesan)")
        self.observations.append(Check(step, template, observed, match is not None))
        assert match is not None, f"expected message {key!r}: {template!r}; shown: {shown!r}"
        return match

    def expect(self, step: str, expected: str, observed: str, ok: bool) -> None:
        """Record a check of state (not of a message) and assert it (``step`` as above)."""
        step = tr_filled(step)
        self.observations.append(Check(step, expected, observed, ok))
        assert ok, f"{step}: expected {expected!r}, observed {observed!r}"


WORLD_KEY = pytest.StashKey["World"]()


def message_pattern(template: str) -> re.Pattern[str]:
    """A regex matching ``template`` with any value in place of each ``{name}``."""
    parts = re.split(r"\{\w+\}", template)
    # Whitespace is folded: the browser may wrap or collapse spaces in what it shows.
    escaped = [r"\s+".join(re.escape(word) for word in part.split(" ")) for part in parts]
    return re.compile(".+?".join(escaped))
