"""Domain errors carry a message-catalog key, never a text: pages turn them into words."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of SPSE refused an action; ``key`` names the message shown to the user."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class NotFound(DomainError):
    """The thing asked for does not exist (or is not visible to this user)."""


class Forbidden(DomainError):
    """The user's role or ownership does not allow the action."""


class FormProblems(DomainError):
    """Several problems of one form (registration, AMS, a tender, a ticket), shown together;
    the first one is the key."""

    def __init__(self, problems: list[DomainError]) -> None:
        super().__init__(problems[0].key, **problems[0].params)
        self.problems = problems
