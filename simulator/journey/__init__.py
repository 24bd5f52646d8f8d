"""The CA journey as one run: registration to opening on the embedded server, with its folder."""

from __future__ import annotations

from simulator.browser.lanes import Lane, chromium_launcher

# The lanes (simulator.browser.lanes: threads with a Chromium of their own) each journey walks
# its desks on, by journey name. ``spse-sim run`` starts them before it imports the journeys
# (most of a second), so that Chromium launches meanwhile; a journey without lanes walks on the
# thread that runs it.
VENDOR_LANE = "penyedia"
POKJA_LANE = "pokja"
LANES: dict[str, tuple[str, ...]] = {"ca": (VENDOR_LANE, POKJA_LANE), "seleksi": ()}


def start_lanes(journey_name: str, *, headless: bool, slow_mo_ms: float) -> dict[str, Lane]:
    """The lanes of journey ``journey_name``, each launching its Chromium on its thread now."""
    launch = chromium_launcher(headless=headless, slow_mo_ms=slow_mo_ms)
    return {name: Lane(name, launch) for name in LANES[journey_name]}
