"""The language people read: Bahasa Indonesia by default, English on request.

Everything a user reads (pages, CLI, reports, Word, panel, captions) is written in Bahasa
Indonesia in the code, which is the source text; ``tr`` looks its English up in
``spse_shared.english`` when English was chosen. The choice lives in one environment variable,
so the child processes of a run (pytest workers, the server) read the same language as the
command that started them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import cache

from spse_shared.english import TEXTS as ENGLISH_TEXTS
from spse_shared.english_pages import TICKET_STATUS_TEXTS

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


def tr_ticket_status(status: str) -> str:
    """An LPSE Support ticket status (stored in Bahasa Indonesia) in the chosen language."""
    return TICKET_STATUS_TEXTS.get(status, status) if english() else status


_FIELD = re.compile(r"\{(\w+)(?:[:!][^{}]*)?\}")


@cache
def _filled_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Every text of the table with ``{name}`` fields as a regex matching it filled in, the
    most specific (longest fixed wording) first; texts naming a field twice, or with no word
    besides their fields, are left out."""
    found = []
    for source in ENGLISH_TEXTS:
        parts = _FIELD.split(source)
        fields = parts[1::2]
        wording = "".join(parts[0::2])
        # A text of fields and punctuation only ("{a} {b}") would match anything.
        if not fields or len(set(fields)) != len(fields) or "{{" in source:
            continue
        if not any(character.isalpha() for character in wording):
            continue
        regex = "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
            for index, part in enumerate(parts)
        )
        found.append((len(wording), re.compile(regex, re.DOTALL), source))
    found.sort(key=lambda item: -item[0])
    return tuple((pattern, source) for _, pattern, source in found)


def tr_filled(text: str, /) -> str:
    """A text already filled in (Bahasa Indonesia, e.g. "Dinilai selesai (nilai 5)" as a
    scenario names what a page shows) in the chosen language: the English of its table text
    with the same values, each value looked up too ("Teruskan ke Helpdesk LPSE" becomes
    "Forward to LPSE Helpdesk"). A text the table does not know stays as it is.
    """
    if not english():
        return text
    if text in ENGLISH_TEXTS:
        return ENGLISH_TEXTS[text]
    for pattern, source in _filled_patterns():
        match = pattern.fullmatch(text)
        if match is not None:
            values = {name: tr_filled(value) for name, value in match.groupdict().items()}
            return ENGLISH_TEXTS[source].format(**values)
    return text
