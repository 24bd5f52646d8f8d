"""The language people read: Bahasa Indonesia by default, English on request.

Everything a user reads (pages, CLI, reports, Word, panel, captions) is written in Bahasa
Indonesia in the code, which is the source text; ``tr`` looks its English up in
``spse_shared.english`` when English was chosen. The choice lives in one environment variable,
so the child processes of a run (pytest workers, the server) read the same language as the
command that started them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from spse_shared.english import TEXTS as ENGLISH_TEXTS

LANGUAGE_ENV = "SPSE_SIM_LANG"
INDONESIAN = "id"
ENGLISH = "en"
LANGUAGES: Mapping[str, str] = {INDONESIAN: "Bahasa Indonesia", ENGLISH: "English"}
DEFAULT_LANGUAGE = INDONESIAN


class UnknownLanguage(ValueError):
    """A language this tool is not written in."""

    def __init__(self, language: str) -> None:
        super().__init__(
            f"bahasa tidak dikenal: {language!r}; pilih salah satu dari {', '.join(LANGUAGES)}"
        )


def current_language() -> str:
    """The chosen language: ``$SPSE_SIM_LANG`` when it names one, else Bahasa Indonesia."""
    chosen = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def choose_language(language: str) -> None:
    """Make ``language`` the one this process and every process it starts speak."""
    if language not in LANGUAGES:
        raise UnknownLanguage(language)
    os.environ[LANGUAGE_ENV] = language


def english() -> bool:
    """True when English was chosen."""
    return current_language() == ENGLISH


def tr(text: str, /, **params: object) -> str:
    """``text`` (Bahasa Indonesia) in the chosen language, its ``{name}`` fields filled.

    A text without an English version stays in Bahasa Indonesia (a test lists them).
    """
    if english():
        text = ENGLISH_TEXTS.get(text, text)
    return text.format(**params) if params else text
