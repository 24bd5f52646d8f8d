"""What a fake SPSE instance is configured with; plain data, read by ``create_app``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from spse_shared.profile import DEFAULT_PROFILE

# The cost simulated runs (scenarios, the journey) give their fake SPSE: still scrypt, but
# 0.05 ms a hash instead of 2.3 ms at 2**10; a catalog run hashes and checks some 500.
SIMULATED_PASSWORD_COST = 2**4
# SPSE's session lifetimes, on the simulated clock: 30 minutes idle, a working day at most.
SPSE_SESSION_IDLE = timedelta(minutes=30)
SPSE_SESSION_ABSOLUTE = timedelta(hours=8)


@dataclass(frozen=True)
class Settings:
    """One LPSE's configuration.

    ``simulation`` exposes the /_sim control API; it is meant for servers bound to a local
    address, or protected with ``control_token`` otherwise. ``adp_path`` is LKPP's ADP database:
    by default inside ``data_dir``; point several LPSEs at one file to share one ADP, as the
    real LPSEs share LKPP's service.
    """

    data_dir: Path
    profile: str = DEFAULT_PROFILE
    base_path: str = "/eproc4"
    lpse_name: str = "LPSE Kota Surakarta"
    lpse_email: str = "lpse@surakarta.go.id"
    simulation: bool = True
    control_token: str | None = None
    clock_start: datetime | None = None
    clock_frozen: bool = True
    adp_path: Path | None = None
    # LPSE Support: ticket numbers carry the LPSE's region code (BPS: 3372 = Kota Surakarta).
    lpse_code: str = "3372"
    # SPSE's own 3-digit code of this LPSE, the end of every kode tender it makes
    # (fake_spse.domain.tender_codes). A simulator value: the real LPSE's code is not published.
    spse_code: str = "133"
    # The LPSE's own mail server (the seed's e-mail fallback): started and stopped with the
    # server; port 0 = any free port, None = no mail server.
    smtp_host: str = "127.0.0.1"
    smtp_port: int | None = 0
    # scrypt cost (N) of passwords set at this LPSE; None is the full cost (serve, the default;
    # fake_spse.domain.accounts.PASSWORD_COST).
    # Test runs of simulated accounts lower it (SIMULATED_PASSWORD_COST): hashing is not
    # what they test, and a full-cost hash per login adds up over a catalog.
    password_cost: int | None = None
    # Host names (``name`` or ``name:port``) besides the bound address under which the control
    # plane answers, e.g. a trainer laptop's name on the class network.
    allowed_hosts: tuple[str, ...] = ()
    # The address users reach this SPSE at (e.g. "https://lpse.example.go.id"): the links SPSE
    # mails (registration, Lupa Password) start with it. None = the address of the request that
    # asked for the link (fine on a local or class network, not on a public one).
    public_url: str | None = None
    # A logged-in session ends after this much simulated time without a request, or this long
    # after login whatever happens; None = never. SPSE's own values are SPSE_SESSION_IDLE and
    # SPSE_SESSION_ABSOLUTE. Off by default for now: scenario steps and harnesses that jump the
    # clock by days between stages still expect a session to survive the jump.
    session_idle: timedelta | None = None
    session_absolute: timedelta | None = None

    @property
    def spse_sender(self) -> str:
        """The address SPSE's own mails (registration links, Lupa Password) come from."""
        return "noreply@" + self.lpse_email.rpartition("@")[2]

    @property
    def adp_db_path(self) -> Path:
        """Where ADP keeps its records: ``adp_path``, else ``data_dir/adp.sqlite3``."""
        return self.adp_path if self.adp_path is not None else self.data_dir / "adp.sqlite3"
