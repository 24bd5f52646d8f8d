"""A person's browser: launching Chromium, SPSE page objects, and journeys across pages."""
