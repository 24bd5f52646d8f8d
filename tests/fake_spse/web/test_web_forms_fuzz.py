"""Generated input on the form routes (login, registration) and the control plane's fault and
clock parameters: never a 5xx, and a refusal changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spse_web import BASE, PASSWORD, START, TOKEN_IN_PAGE, tls

from fake_spse.server import RunningServer
from fake_spse.settings import SIMULATED_PASSWORD_COST, Settings
from fake_spse.storage.database import Database

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(max_size=40)  # any code point: non-ASCII, controls, surrogates excluded by httpx
WILD_TEXT = st.one_of(
    TEXT,
    st.text(alphabet="0123456789٣٤٥١২৩", max_size=12),  # non-ASCII decimal digits
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("x" * 5000),
)


class Running:
    def __init__(self, server: RunningServer, data_dir: Path) -> None:
        self.server = server
        self.http = httpx.Client(base_url=server.url, timeout=30, verify=tls())
        self.db = Database(data_dir / "spse.sqlite3")
        first = self.http.get(BASE + "/login")
        found = TOKEN_IN_PAGE.search(first.text)
        assert found
        self.token = found.group(1)
        self.http.post(
            "/_sim/staff",
            json={
                "user_id": "pokja1",
                "role": "pokja",
                "name": "Pokja Satu",
                "email": "pokja1@surakarta.go.id",
                "password": PASSWORD,
            },
        ).raise_for_status()

    def accounts(self) -> int:
        return len(self.db.accounts())


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    data = tmp_path_factory.mktemp("fuzz") / "lpse"
    with RunningServer(
        Settings(data_dir=data, clock_start=START, password_cost=SIMULATED_PASSWORD_COST)
    ) as server:
        made = Running(server, data)
        yield made
        made.http.close()


@SETTINGS
@given(user_id=WILD_TEXT, password=WILD_TEXT, with_token=st.booleans())
def test_login_refusals_change_nothing(
    running: Running, user_id: str, password: str, with_token: bool
) -> None:
    fields = {"user_id": user_id, "password": password}
    if with_token:
        fields["authenticityToken"] = running.token
    answer = running.http.post(BASE + "/login", data=fields)
    assert answer.status_code < 500, answer.text[:300]
    if answer.status_code != 303:
        assert running.db.session_count() == 0


FIELDS = (
    "user_id",
    "password",
    "password_confirm",
    "company",
    "npwp",
    "email",
    "address",
    "phone",
    "director",
)


@SETTINGS
@given(values=st.fixed_dictionaries(dict.fromkeys(FIELDS, WILD_TEXT)))
def test_registration_refusals_store_nothing(running: Running, values: dict[str, str]) -> None:
    before = running.accounts()
    answer = running.http.post(
        BASE + "/registrasi", data={**values, "authenticityToken": running.token}
    )
    assert answer.status_code < 500, answer.text[:300]
    if answer.status_code != 200:
        assert running.accounts() == before


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=6,
)
FAULT_NAMES = st.sampled_from(["upload.slow", "upload.cut", "ca.validity", "tidak.ada"]) | TEXT
PARAM_NAMES = st.sampled_from(["delay_ms", "after_bytes", "validity_days"]) | TEXT


@SETTINGS
@given(
    body=st.fixed_dictionaries(
        {"name": FAULT_NAMES},
        optional={
            "times": JSON_VALUES,
            "actor": JSON_VALUES,
            "params": st.dictionaries(PARAM_NAMES, JSON_VALUES, max_size=2) | JSON_VALUES,
        },
    )
)
def test_fault_parameters_are_validated(running: Running, body: dict[str, object]) -> None:
    running.http.delete("/_sim/faults").raise_for_status()
    answer = running.http.post("/_sim/faults", content=json.dumps(body))
    assert answer.status_code in (200, 400), answer.text[:300]
    armed = running.http.get("/_sim/faults").json()["armed"]
    if answer.status_code == 400:
        assert armed == []
    else:
        [fault] = armed
        for value in fault["params"].values():
            assert isinstance(value, int)
            assert 0 <= value <= 2**31
    running.http.delete("/_sim/faults").raise_for_status()


@SETTINGS
@given(raw=st.binary(max_size=200) | JSON_VALUES.map(lambda v: json.dumps(v).encode()))
def test_any_clock_body_is_refused_or_done_never_a_crash(running: Running, raw: bytes) -> None:
    before = running.http.get("/_sim/clock").json()
    answer = running.http.post("/_sim/clock", content=raw)
    assert answer.status_code in (200, 400), answer.text[:300]
    if answer.status_code == 400:
        assert running.http.get("/_sim/clock").json() == before
    running.http.post("/_sim/clock", json={"set": START.isoformat(), "frozen": True})


@SETTINGS
@given(cookie=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=200))
def test_malformed_cookies_start_a_new_session(running: Running, cookie: str) -> None:
    answer = httpx.get(
        running.server.url + BASE + "/", headers={"cookie": f"SPSE_SESSION={cookie}x"}
    )
    assert answer.status_code == 200
