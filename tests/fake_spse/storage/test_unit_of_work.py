"""The unit of work (fake_spse.storage.unit_of_work): one transaction per use case, and storage
errors translated in one place."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from fake_spse.domain.accounts import Account, AccountStatus, Role
from fake_spse.domain.errors import DomainError
from fake_spse.storage.database import Database
from fake_spse.storage.unit_of_work import Conflict, UnitOfWork

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def account(user_id: str, email: str) -> Account:
    return Account(
        user_id=user_id,
        role=Role.POKJA,
        name=f"Nama {user_id}",
        email=email,
        password_hash="-",
        status=AccountStatus.AKTIF,
        created_at=NOW,
    )


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return Database(tmp_path / "spse.sqlite3")


def test_what_a_unit_writes_is_kept_together_or_not_at_all(db: Database) -> None:
    unit = UnitOfWork(db)

    def fails_half_way() -> None:
        with unit() as tx:
            tx.add_account(account("pokja1", "pokja1@contoh.go.id"))
            tx.add_session("sid1", "token", NOW)
            raise RuntimeError("the use case failed half way")

    with pytest.raises(RuntimeError):
        fails_half_way()
    assert db.account("pokja1") is None
    assert db.session("sid1") is None

    with unit() as tx:
        tx.add_account(account("pokja1", "pokja1@contoh.go.id"))
        with unit() as inner:  # a use case calling another joins its transaction
            inner.add_session("sid1", "token", NOW)
    assert db.account("pokja1") is not None
    assert db.session("sid1") == (None, "token", NOW, NOW)


def test_a_broken_uniqueness_rule_becomes_the_use_cases_error(db: Database) -> None:
    unit = UnitOfWork(db)
    with unit() as tx:
        tx.add_account(account("pokja1", "pokja1@contoh.go.id"))
    taken = DomainError("registrasi.user_id_dipakai", user_id="pokja1")
    with pytest.raises(DomainError) as caught, unit(conflicts={"accounts.user_id": taken}) as tx:
        tx.add_account(account("pokja1", "lain@contoh.go.id"))
    assert caught.value is taken
    # Not named by the use case: a storage Conflict naming the constraint, never sqlite3's.
    with pytest.raises(Conflict) as conflict, unit(conflicts={"accounts.user_id": taken}) as tx:
        tx.add_account(account("pokja2", "pokja1@contoh.go.id"))
    assert conflict.value.constraint == "accounts.email"
    assert [a.user_id for a in db.accounts()] == ["pokja1"]
