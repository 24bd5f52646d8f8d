"""Login throttling on the simulated clock, per account and per address."""

from __future__ import annotations

from datetime import timedelta

from factories import START

from fake_spse.domain.login_throttle import MAX_KEYS, LoginThrottle


def test_five_failures_lock_the_account_for_fifteen_minutes() -> None:
    throttle = LoginThrottle()
    for minute in range(5):
        assert throttle.locked_until("pokja1", "10.0.0.1", START) is None
        throttle.failed("pokja1", "10.0.0.1", START + timedelta(minutes=minute))
    last = START + timedelta(minutes=4)
    assert throttle.locked_until("POKJA1", "10.0.0.2", last) == last + timedelta(minutes=15)
    assert throttle.locked_until("pokja2", "10.0.0.1", last) is None
    assert throttle.locked_until("pokja1", "10.0.0.1", last + timedelta(minutes=15)) is None


def test_failures_spread_over_more_than_the_window_do_not_lock() -> None:
    throttle = LoginThrottle()
    for step in range(10):
        throttle.failed("pokja1", "10.0.0.1", START + timedelta(minutes=4 * step))
        assert (
            throttle.locked_until("pokja1", "10.0.0.1", START + timedelta(minutes=4 * step)) is None
        )


def test_a_success_clears_the_accounts_failures() -> None:
    throttle = LoginThrottle()
    for _ in range(4):
        throttle.failed("pokja1", "10.0.0.1", START)
    throttle.succeeded("pokja1")
    throttle.failed("pokja1", "10.0.0.1", START)
    assert throttle.locked_until("pokja1", "10.0.0.1", START) is None


def test_one_address_trying_many_accounts_is_locked() -> None:
    throttle = LoginThrottle()
    for number in range(30):
        throttle.failed(f"akun{number}", "10.0.0.9", START)
    assert throttle.locked_until("akun-baru", "10.0.0.9", START) == START + timedelta(minutes=15)
    assert throttle.locked_until("akun-baru", "10.0.0.8", START) is None


def test_memory_stays_bounded() -> None:
    throttle = LoginThrottle()
    for number in range(MAX_KEYS + 50):
        throttle.failed(f"akun{number}", f"10.{number // 65536}.{number // 256 % 256}.1", START)
    assert len(throttle._failures) <= MAX_KEYS
