"""Page objects: one class per SPSE page, taking a Playwright Page; roles and labels over CSS."""
