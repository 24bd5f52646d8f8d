"""``spse-sim serve``: a fake SPSE with demo users and a tender, for a person to click through."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import uvicorn

from fake_spse.app import build_services, create_app
from fake_spse.domain.accounts import Role
from fake_spse.service.services import Services
from fake_spse.settings import SPSE_SESSION_ABSOLUTE, SPSE_SESSION_IDLE, Settings
from simulator.demo.classroom import seed_trainer_demo
from simulator.demo.seeding import (
    KEYSTORE_PASSPHRASE,
    DemoLogin,
    add_staff,
    create_tender,
    embed_certificate,
    offset_to,
    register_vendor,
)
from simulator.testdata.factory import TestDataFactory
from spse_shared.atomic import write_atomic
from spse_shared.language import tr
from spse_shared.profile import DEFAULT_METHOD, UPLOAD_STAGE

SEEDED_MARKER = "demo-seeded.txt"
# ``serve --demo`` (simulator.demo.classroom): the realistic LPSE for a training class.
TRAINER_MARKER = "demo-trainer-seeded.txt"


def seed_demo(services: Services, seed: int, desks: Path) -> list[DemoLogin]:
    """Staff, two vendors (one active with a certificate, one waiting) and a tender whose upload
    stage is open now. Keystores of users with certificates are written under ``desks``."""
    data = TestDataFactory(seed)
    logins: list[DemoLogin] = []
    # A package of Tender - Pascakualifikasi Satu File, whose upload stage the vendor can reach.
    people = {role: data.staff(role.value) for role in (Role.VERIFIKATOR, Role.POKJA)}
    active, waiting = data.vendor(), data.vendor()
    package = data.tender(jenis=services.profile.method(DEFAULT_METHOD).jenis_pengadaan)
    method = services.profile.method_for(package.jenis_pengadaan).key
    # Everything happens in the past, so that at the demo's "now" the tender's upload stage is
    # open and the certificates were issued before the tender was created.
    now = services.simulation.now()
    services.simulation.set_clock(
        now - offset_to(services, UPLOAD_STAGE, method) - timedelta(hours=2)
    )
    staff = {}
    for role, person in people.items():
        add_staff(services, person, role)
        staff[role] = person.user_id
        logins.append(DemoLogin(role.value, person.user_id, person.password, person.name))

    for vendor in (active, waiting):
        register_vendor(services, vendor)
    services.accounts.verify_vendor(
        services.accounts.account(staff[Role.VERIFIKATOR]), active.user_id
    )
    logins.append(
        DemoLogin(
            "penyedia",
            active.user_id,
            active.password,
            f"{active.company}: aktif, sertifikat tertanam",
        )
    )
    logins.append(
        DemoLogin(
            "penyedia", waiting.user_id, waiting.password, f"{waiting.company}: menunggu verifikasi"
        )
    )
    for user_id in (staff[Role.POKJA], active.user_id):
        embed_certificate(services, user_id, desks)
    create_tender(services, staff[Role.POKJA], package, now.year)
    services.simulation.set_clock(now)
    return logins


def panel_url(host: str, port: int, token: str | None) -> str:
    """Where the trainer opens the panel; with a token, the one-time URL that logs in."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else "[::1]" if host == "::" else host
    url = f"http://{shown}:{port}/_sim/panel"
    if token is None:
        return url + "  (only from this computer)"
    return f"{url}?token={quote(token, safe='')}"


class DataDirMismatch(ValueError):
    """The data directory was seeded for the other kind of demo (with or without --demo)."""


class PortBusy(ValueError):
    """Another program already listens on the address ``serve`` was asked to use."""


def require_free_port(host: str, port: int) -> None:
    """PortBusy unless ``host:port`` can be listened on (checked before anything is seeded)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror:
        raise PortBusy(tr("alamat {host} tidak dikenal; periksa --host", host=host)) from None
    with socket.socket(family, kind, proto) as probe:
        # As uvicorn binds: a port in TIME_WAIT from the last session is free, a listener is not.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError:
            raise PortBusy(
                tr(
                    "port {port} di {host} sudah dipakai program lain; hentikan program itu atau "
                    "pilih --port lain",
                    port=port,
                    host=host,
                )
            ) from None


def armed_faults_line(services: Services) -> str:
    """What ``serve`` says about the fault switches left on by an earlier session."""
    armed = services.simulation.faults.armed()
    if not armed:
        return tr("Gangguan aktif: tidak ada.")
    described = ", ".join(
        fault.name
        + (f" ({', '.join(f'{k}={v}' for k, v in fault.params.items())})" if fault.params else "")
        for fault in armed
    )
    return tr(
        "PERHATIAN: gangguan dari sesi sebelumnya masih aktif: {faults}. Matikan di panel "
        "pelatih bila tidak dibutuhkan.",
        faults=described,
    )


def serve(
    *,
    data_dir: Path,
    profile: str,
    host: str,
    port: int,
    seed: int,
    demo: bool = False,
    control_token: str | None = None,
    session_expiry: bool = True,
) -> int:
    """Seed (first time only) and serve until Ctrl+C.

    ``session_expiry``: sessions end as SPSE's do (idle and absolute, on the simulated clock);
    off for a class whose trainer moves the clock by days and wants nobody logged out.

    ``demo``: the realistic LPSE of ``simulator.demo.classroom`` instead of the small one.
    ``control_token``: /_sim and the trainer panel then need it (see README, "For trainers").
    DataDirMismatch when ``data_dir`` was seeded for the other kind of demo.
    """
    settings = Settings(
        data_dir=data_dir,
        profile=profile,
        clock_frozen=False,
        clock_start=datetime.now(UTC).replace(second=0, microsecond=0),
        control_token=control_token,
        session_idle=SPSE_SESSION_IDLE if session_expiry else None,
        session_absolute=SPSE_SESSION_ABSOLUTE if session_expiry else None,
    )
    require_free_port(host, port)
    marker = data_dir / (TRAINER_MARKER if demo else SEEDED_MARKER)
    other = data_dir / (SEEDED_MARKER if demo else TRAINER_MARKER)
    if other.exists() and not marker.exists():
        mismatch = (
            "{data_dir} sudah diisi tanpa --demo; gunakan --data-dir lain"
            if demo
            else "{data_dir} sudah diisi dengan --demo; gunakan --data-dir lain"
        )
        raise DataDirMismatch(tr(mismatch, data_dir=data_dir))
    logins: list[DemoLogin] = []
    if not marker.exists():
        if demo:
            logins = seed_trainer_demo(build_services(settings), seed, data_dir / "desks")
        else:
            logins = seed_demo(build_services(settings), seed, data_dir / "desks")
        # The demo users' passwords: readable by the trainer's account only.
        write_atomic(
            marker,
            "".join(f"{x.role}\t{x.user_id}\t{x.password}\t{x.note}\n" for x in logins).encode(),
        )
    else:
        for line in marker.read_text(encoding="utf-8").splitlines():
            role, user_id, password, note = line.split("\t")
            logins.append(DemoLogin(role, user_id, password, note))
    base = f"http://{host}:{port}{settings.base_path}"
    print(tr("Fake SPSE ({profile}) di {url}", profile=profile, url=base))
    control = f"http://{host}:{port}/_sim/clock"
    print(tr("API kendali: {url}  (data: {data_dir})", url=control, data_dir=data_dir))
    print(tr("Panel pelatih: {url}", url=panel_url(host, port, control_token)))
    print(armed_faults_line(build_services(settings)))
    print(tr("Login demo:"))
    for login in logins:
        print(f"  {login.role:<12} {login.user_id:<22} {login.password:<14} {login.note}")
    keystore = tr(
        "Keystore SpamKodok (passphrase '{passphrase}'): {folder}",
        passphrase=KEYSTORE_PASSPHRASE,
        folder=data_dir / "desks",
    )
    print(keystore)
    print(tr("Tekan Ctrl+C untuk berhenti."), flush=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
    return 0
