"""The CA journey as one run: registration to opening on the embedded server, with its folder."""

# The lanes (simulator.browser.lanes: threads with a Chromium of their own) each journey walks
# its desks on, by journey name. ``spse-sim run`` starts them before it imports the journeys
# (most of a second), so that Chromium launches meanwhile; a journey without lanes walks on the
# thread that runs it.
VENDOR_LANE = "penyedia"
POKJA_LANE = "pokja"
LANES: dict[str, tuple[str, ...]] = {"ca": (VENDOR_LANE, POKJA_LANE), "seleksi": ()}
