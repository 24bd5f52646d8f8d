"""The captions of a replayed scenario, in Bahasa Indonesia, built from its steps and the catalog.

Nothing here is written per scenario: a step's caption is its Gherkin text, with every catalog
key it names replaced by the catalog's wording; a step that checks for a problem message gets a
second caption with what the page actually showed and what the seed says to do next
("Apa yang harus dilakukan").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from spse_shared.messages import QUOTED_KEY, MessageCatalog

# Messages that tell the user something went well; every other message a step checks for is
# a problem the trainer explains. Matched against the end of the key's last part.
_GOOD_ENDINGS = (
    "berhasil",
    "dibuka",
    "selesai",
    "tertanam",
    "dibuat",
    "dicatat",
    "petunjuk",
    "info",
)

# The seed's "Apa yang harus dilakukan", in its order.
ADVICE_KEYS = (
    "pelatihan.saran.dokumentasi",
    "pelatihan.saran.tiket",
    "pelatihan.saran.email",
    "pelatihan.saran.datang",
)

STEP = "langkah"
PROBLEM = "masalah"
FAILED = "gagal"
DONE = "selesai"


@dataclass(frozen=True)
class Caption:
    """What the overlay shows: a heading, the step, and for a problem what to do next."""

    kind: str
    heading: str
    counter: str
    text: str
    problem_title: str = ""
    problem: str = ""
    advice_title: str = ""
    advice: tuple[str, ...] = ()
    paused: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["advice"] = list(self.advice)
        return data


@dataclass(frozen=True)
class ScenarioInfo:
    """The scenario being replayed: its id, title and steps as (keyword, text)."""

    scenario_id: str
    title: str
    steps: Sequence[tuple[str, str]] = field(default_factory=tuple)

    @property
    def heading(self) -> str:
        return f"{self.scenario_id} · {self.title}" if self.scenario_id else self.title


def message_keys(step_text: str, catalog: MessageCatalog) -> list[str]:
    """The catalog keys a step names in quotes, in order."""
    known = catalog.templates()
    return [key for key in QUOTED_KEY.findall(step_text) if key in known]


def is_problem_key(key: str) -> bool:
    """True unless the message reports success (``penawaran.berhasil``, ``pembukaan.dibuka``)."""
    last = key.rsplit(".", 1)[-1]
    return not last.endswith(_GOOD_ENDINGS)


def problem_keys(step_text: str, catalog: MessageCatalog) -> list[str]:
    return [key for key in message_keys(step_text, catalog) if is_problem_key(key)]


def readable_step(keyword: str, text: str, catalog: MessageCatalog) -> str:
    """The step as the class reads it: keys replaced by the catalog's wording."""
    return f"{keyword.strip()} {catalog.readable(text.strip())}".strip()


def advice(catalog: MessageCatalog, *, email: str) -> tuple[str, ...]:
    """The seed's steps after an error, with the LPSE's e-mail address filled in."""
    return tuple(
        catalog.text(key, email=email) if key == "pelatihan.saran.email" else catalog.text(key)
        for key in ADVICE_KEYS
    )


def step_caption(
    info: ScenarioInfo, number: int, keyword: str, text: str, catalog: MessageCatalog
) -> Caption:
    """Step ``number`` (from 1) of ``info``: what the user does now."""
    return Caption(
        kind=STEP,
        heading=info.heading,
        counter=catalog.text("pelatihan.langkah", nomor=number, jumlah=len(info.steps)),
        text=readable_step(keyword, text, catalog),
    )


def problem_caption(step: Caption, shown: str, catalog: MessageCatalog, *, email: str) -> Caption:
    """After a step that checked a problem message: what went wrong, and what to do next."""
    return replace(
        step,
        kind=PROBLEM,
        problem_title=catalog.text("pelatihan.yang_terjadi"),
        problem=shown,
        advice_title=catalog.text("pelatihan.apa_yang_harus_dilakukan"),
        advice=advice(catalog, email=email),
    )


def failure_caption(step: Caption, detail: str, catalog: MessageCatalog, *, email: str) -> Caption:
    """A step that did not go as the scenario says (a real failure of the replay)."""
    first = next((line.strip() for line in detail.splitlines() if line.strip()), detail)
    return replace(
        problem_caption(
            step, catalog.text("pelatihan.gagal", detail=first[:300]), catalog, email=email
        ),
        kind=FAILED,
    )


def done_caption(info: ScenarioInfo, catalog: MessageCatalog) -> Caption:
    return Caption(
        kind=DONE,
        heading=info.heading,
        counter="",
        text=catalog.text("pelatihan.selesai", judul=info.title),
    )


def paused(caption: Caption, catalog: MessageCatalog) -> Caption:
    """The same caption, telling the class the trainer holds the replay here."""
    return replace(caption, paused=catalog.text("pelatihan.jeda"))


def shown_problem(
    keys: Sequence[str], observations: Sequence[tuple[str, bool]], catalog: MessageCatalog
) -> str:
    """What the page showed for the step's problem keys.

    ``observations`` are the step's (observed text, ok) checks, newest last: the last passing
    one is the message exactly as shown; without one, the catalog's wording stands in.
    """
    for observed, ok in reversed(observations):
        if ok and observed:
            return observed
    return " ".join(catalog.wording(key) for key in keys)
