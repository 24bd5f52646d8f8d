"""Demo LPSEs to click through: ``spse-sim serve`` and the class of ``serve --demo``."""
