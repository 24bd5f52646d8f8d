"""The rush plan: who uploads what, when, and as which kind of vendor (one JSON file).

The plan is the one thing the in-process engine, Locust's master and workers on other machines,
the Playwright vendors and the verdict share. Offer files are named relative to the plan's
folder, so the folder can be copied to worker machines whole.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from spse_shared.atomic import write_atomic

PLAN_NAME = "rencana.json"
# Client logs: one JSON line per request a Locust user made (klien-<worker>.jsonl).
CLIENT_LOG_PREFIX = "klien-"
PEOPLE_NAME = "orang.json"
# Locust's own reports in the run folder: locust.html, locust_stats.csv, locust_*.csv.
LOCUST_HTML_NAME = "locust.html"
LOCUST_CSV_PREFIX = "locust"

# Environment variables the locustfile reads (Locust's own CLI passes no options of ours).
PLAN_ENV = "SPSE_RUSH_PLAN"
WORKERS_ENV = "SPSE_RUSH_WORKERS"
# Set on Locust's master (or a lone locust): it moves the server's clock to the window's start
# and lets it run when the test starts (SPSE_SIM_TOKEN opens the server's /_sim).
START_CLOCK_ENV = "SPSE_RUSH_START_CLOCK"

# Kinds of vendor on a deadline day.
PLAIN = "biasa"  # one upload
REUPLOAD = "ulang"  # an offer, then a second one that replaces it
SLOW = "lambat"  # a slow connection: the body trickles in
CUT = "putus"  # the connection drops mid-upload, then the vendor sends again
LATE = "terlambat"  # arrives after the deadline
PERSON = "orang"  # a real browser (Playwright) walking the upload page
KINDS = (PLAIN, REUPLOAD, SLOW, CUT, LATE, PERSON)

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|KB|MB|GB)?\s*$", re.IGNORECASE)
_UNITS = {"b": 1, "kib": 2**10, "mib": 2**20, "gib": 2**30, "kb": 10**3, "mb": 10**6, "gb": 10**9}


class RushError(Exception):
    """A rush cannot go on (the message, in Bahasa Indonesia, is for the user)."""


class PlanError(RushError, ValueError):
    """A plan or an option of one that cannot be used."""


def parse_size(text: str) -> int:
    """Bytes in ``text`` ("5MiB", "200KiB", "1024")."""
    found = _SIZE.match(text)
    if found is None:
        raise PlanError(f"ukuran tidak dikenal: {text!r} (contoh: 5MiB, 200KiB, 1024)")
    number, unit = found.groups()
    size = int(float(number) * _UNITS[(unit or "b").lower()])
    if size <= 0:
        raise PlanError(f"ukuran harus lebih dari 0: {text!r}")
    return size


@dataclass(frozen=True)
class SizeMix:
    """A size distribution of offers: weighted sizes, or a uniform range."""

    choices: tuple[tuple[int, int], ...] = ()  # (size, weight)
    low: int = 0
    high: int = 0

    @classmethod
    def parse(cls, text: str) -> SizeMix:
        """ "5MiB"; a range "1MiB-5MiB" (uniform); or weights "200KiB:3,5MiB:1"."""
        if "," in text or ":" in text:
            choices = []
            for part in text.split(","):
                size, _, weight = part.partition(":")
                if not weight.strip().isdigit() or int(weight) <= 0:
                    raise PlanError(f"bobot ukuran harus bilangan bulat positif: {part!r}")
                choices.append((parse_size(size), int(weight)))
            return cls(choices=tuple(choices))
        if "-" in text:
            low_text, _, high_text = text.partition("-")
            low, high = parse_size(low_text), parse_size(high_text)
            if high < low:
                raise PlanError(f"rentang ukuran terbalik: {text!r}")
            return cls(low=low, high=high)
        return cls(choices=((parse_size(text), 1),))

    def draw(self, rng: random.Random) -> int:
        """One offer's size."""
        if self.choices:
            sizes = [size for size, _ in self.choices]
            weights = [weight for _, weight in self.choices]
            return rng.choices(sizes, weights)[0]
        return rng.randint(self.low, self.high)


@dataclass(frozen=True)
class Mix:
    """How many vendors of each kind (the rest are plain)."""

    reupload: float = 0.10
    slow: float = 0.05
    cut: float = 0.05
    late: float = 0.03
    people: int = 3

    def kinds(self, vendors: int, rng: random.Random) -> list[str]:
        """A kind per vendor, shuffled; at least one of each non-zero share when there is room."""
        people = min(self.people, vendors)
        counts = {
            REUPLOAD: _share(vendors, self.reupload),
            SLOW: _share(vendors, self.slow),
            CUT: _share(vendors, self.cut),
            LATE: _share(vendors, self.late),
        }
        kinds = [PERSON] * people
        for kind, count in counts.items():
            kinds += [kind] * count
        kinds = kinds[:vendors]
        kinds += [PLAIN] * (vendors - len(kinds))
        rng.shuffle(kinds)
        return kinds


def _share(total: int, fraction: float) -> int:
    return max(1, round(total * fraction)) if fraction > 0 and total >= 10 else 0


@dataclass(frozen=True)
class Offer:
    """One sealed offer file (relative to the plan folder) and what it must be stored as."""

    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Vendor:
    """One vendor of the rush: account, session cookie, kind, and the offers it sends."""

    index: int
    user_id: str
    password: str
    kind: str
    cookie_name: str
    cookie_value: str
    offers: tuple[Offer, ...]
    # Unsealed documents and SpamKodok keystore (relative paths): for the Playwright vendors.
    documents: tuple[str, ...] = ()
    keystore: str = ""
    passphrase: str = ""


@dataclass(frozen=True)
class RushPlan:
    """Everything a rush needs once the world is arranged."""

    server_url: str  # root, e.g. http://127.0.0.1:8080
    spse_url: str  # SPSE's pages, e.g. http://127.0.0.1:8080/eproc4
    tender_id: str
    deadline: datetime  # end of the upload stage (server clock)
    window_s: float  # the rush starts this long before the deadline
    profile: str
    vendors: tuple[Vendor, ...]
    browsers: int = 2  # extra Locust users who only read the tender list
    late_after_s: float = 2.0  # late vendors send this long after the deadline
    slow_delay_ms: int = 20  # pause between chunks of a slow vendor's body
    extra: dict[str, Any] = field(default_factory=dict)

    def uploaders(self) -> list[Vendor]:
        """The vendors Locust drives (the rest are Playwright people)."""
        return [v for v in self.vendors if v.kind != PERSON]

    def people(self) -> list[Vendor]:
        return [v for v in self.vendors if v.kind == PERSON]

    def write(self, folder: Path) -> Path:
        data = asdict(self)
        data["deadline"] = self.deadline.isoformat()
        path = folder / PLAN_NAME
        write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False).encode())
        return path

    @classmethod
    def read(cls, path: Path) -> RushPlan:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            vendors = tuple(
                Vendor(
                    **{
                        **v,
                        "offers": tuple(Offer(**o) for o in v["offers"]),
                        "documents": tuple(v.get("documents", ())),
                    }
                )
                for v in data.pop("vendors")
            )
            deadline = datetime.fromisoformat(data.pop("deadline"))
            return cls(vendors=vendors, deadline=deadline, **data)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PlanError(f"rencana rush tidak dapat dibaca: {path}: {exc}") from exc


def kinds_summary(vendors: Sequence[Vendor]) -> dict[str, int]:
    """How many vendors of each kind."""
    return {kind: sum(1 for v in vendors if v.kind == kind) for kind in KINDS}
