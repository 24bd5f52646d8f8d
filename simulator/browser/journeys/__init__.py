"""Journeys: what a user does across several SPSE pages, composed of page objects."""

from __future__ import annotations


class JourneyError(AssertionError):
    """A journey could not go on; the message says what the user saw."""
