"""Which scenarios keep their Playwright traces and step screenshots (``--sim-artifacts``).

A module of its own, without pytest or Playwright, so that the CLI can offer the choices in its
help without importing the scenario machinery.
"""

from __future__ import annotations

# Failed scenarios always keep everything; passed ones only when asked, as pytest-playwright's
# "retain-on-failure" does: traces and screenshots of passes are most of a run's weight.
ARTIFACTS_ON_FAILURE = "on-failure"
ARTIFACTS_ALWAYS = "always"
ARTIFACT_CHOICES = (ARTIFACTS_ON_FAILURE, ARTIFACTS_ALWAYS)
