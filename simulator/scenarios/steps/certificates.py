"""Steps for certificate failures (KODOK-070..099): no certificate embedded, expired, revoked,
a wrong SpamKodok passphrase, AMS registration refused, and the upgrade by import APD.

State is set up through the pages and ``/_sim`` only: BSrE's short validity is the ``ca.validity``
fault, revocation is ``/_sim/ca/revoke``, the old SpamKodok certificate on the vendor's disk comes
from ``/_sim/ca/apd``. What is left behind is read back through ``/_sim`` and the desk.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from pytest_bdd import given, parsers, then, when

from simulator.browser.journeys.session import log_in_if_asked
from simulator.browser.pages.apd import ApdImportPage
from simulator.browser.pages.certificate import AmsPage
from simulator.browser.pages.dashboard import DashboardPage
from simulator.harness.keypool import key_pem
from simulator.scenarios.steps.common import letter_for, logged_in, statement_for
from simulator.scenarios.world import Actor, World
from simulator.testdata.documents import write_pdf
from spse_shared.language import tr
from spse_shared.wib import format_wib

APD_VARIANTS = {
    "yang aktif": "aktif",
    "yang kedaluwarsa": "kedaluwarsa",
    "dari CA lain": "asing",
}


@dataclass
class CertificateStory:
    """What these steps remember within one scenario."""

    passphrases: dict[str, str] = field(default_factory=dict)  # alias -> the right passphrase
    apd_files: dict[str, Path] = field(default_factory=dict)  # alias -> APD on their desk
    old: dict[str, dict[str, Any]] = field(default_factory=dict)  # owner alias -> seeded APD
    apd_passphrases: dict[str, str] = field(default_factory=dict)  # owner alias -> passphrase


@pytest.fixture
def certificate_story() -> CertificateStory:
    return CertificateStory()


def at_home(world: World, actor: Actor) -> DashboardPage:
    """The actor's home page in SpamKodok, logging in when the session is gone."""
    user_id, password = logged_in(world, actor)
    dashboard = DashboardPage(actor.desk.page, world.env.spse_url)
    dashboard.goto()
    # Logged in, the desk lands on the home page.
    log_in_if_asked(
        actor.desk.page,
        world.env.spse_url,
        user_id,
        password,
        non_penyedia=actor.role != "penyedia",
    )
    return dashboard


def letter_named(actor: Actor, name: str) -> Path:
    """A recommendation letter of the kind its name says (a real PDF, or a real zip/docx)."""
    path = actor.desk.folder / "surat" / name
    if path.suffix.lower() == ".pdf":
        return write_pdf(path, "Surat Rekomendasi Penyedia", [actor.display_name])
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f"<surat>{actor.display_name}</surat>")
    return path


# SpamKodok's certificate at sealing -----------------------------------------------------------
@given(
    parsers.parse(
        'BSrE menerbitkan sertifikat penyedia "{alias}" berikutnya dengan masa berlaku '
        "{days:d} hari"
    )
)
def short_validity(world: World, alias: str, days: int) -> None:
    world.env.sim.arm(
        "ca.validity", times=1, actor=world.actor(alias).user_id, params={"validity_days": days}
    )


@given(parsers.parse('masa berlaku sertifikat penyedia "{alias}" telah lewat menurut waktu SPSE'))
def certificate_expired_now(world: World, alias: str) -> None:
    certificate = world.actor(alias).kodok.keystore().certificate
    assert certificate is not None, f"{alias} has no certificate embedded"
    now = world.env.sim.now()
    world.expect(
        "waktu SPSE sesudah masa berlaku sertifikat",
        f"> {format_wib(certificate.not_valid_after_utc, seconds=True)}",
        format_wib(now, seconds=True),
        now > certificate.not_valid_after_utc,
    )


@given(parsers.parse('BSrE mencabut sertifikat penyedia "{alias}"'))
@when(parsers.parse('BSrE mencabut sertifikat penyedia "{alias}"'))
def revoke_certificate(world: World, alias: str) -> None:
    world.env.sim.revoke(world.actor(alias).user_id)


@then(
    parsers.parse('BSrE mencatat sertifikat penyedia "{alias}" dicabut sesudah penawaran diterima')
)
def revoked_after_receipt(world: World, alias: str) -> None:
    actor = world.actor(alias)
    revoked = [
        datetime.fromisoformat(str(r["revoked_at"]))
        for r in world.env.sim.certificates(actor.user_id)["issued"]
        if r["revoked_at"]
    ]
    received = [
        datetime.fromisoformat(str(o["received_at"]))
        for o in world.env.sim.offers(world.require_tender())
        if o["vendor_id"] == actor.user_id and o["current"]
    ]
    world.expect(
        "dicabut sesudah waktu terima",
        tr(
            "dicabut > diterima {received}",
            received=[format_wib(r, seconds=True) for r in received],
        ),
        repr([format_wib(r, seconds=True) for r in revoked]),
        len(revoked) == 1 and len(received) == 1 and revoked[0] > received[0],
    )


@when(parsers.parse('penyedia "{alias}" membuka SpamKodok dengan passphrase "{passphrase}"'))
def wrong_passphrase(
    world: World, certificate_story: CertificateStory, alias: str, passphrase: str
) -> None:
    kodok = world.actor(alias).kodok
    certificate_story.passphrases.setdefault(alias, kodok.passphrase)
    kodok.passphrase = passphrase


@when(parsers.parse('penyedia "{alias}" membuka SpamKodok dengan passphrase yang benar'))
def right_passphrase(world: World, certificate_story: CertificateStory, alias: str) -> None:
    world.actor(alias).kodok.passphrase = certificate_story.passphrases[alias]


# AMS registration -----------------------------------------------------------------------------
@given("layanan BSrE sedang tidak dapat dihubungi")
def ca_down(world: World) -> None:
    world.env.sim.arm("ca.down")


@when("layanan BSrE pulih kembali")
def ca_back(world: World) -> None:
    world.env.sim.disarm("ca.down")


def submit_ams(
    world: World, actor: Actor, letter: Path | None, statement: Path | None
) -> list[str]:
    """Log in inside SpamKodok, follow the red AMS link, send the form (refusals included)."""
    dashboard = at_home(world, actor)
    dashboard.follow_ams_link()
    return AmsPage(actor.desk.page, world.env.spse_url).submit(letter, statement)


@when(parsers.parse('penyedia "{alias}" mendaftar AMS dengan surat rekomendasi "{name}"'))
def ams_with_letter(world: World, alias: str, name: str) -> None:
    """The copy of TDP/SIUP/SIUJK as ``name``, with the director's statement as a PDF."""
    actor = world.actor(alias)
    submit_ams(world, actor, letter_named(actor, name), statement_for(actor))


@when(parsers.parse('penyedia "{alias}" mendaftar AMS tanpa surat rekomendasi'))
def ams_without_letter(world: World, alias: str) -> None:
    submit_ams(world, world.actor(alias), None, None)


@given(parsers.parse('penyedia "{alias}" telah mengirim permintaan sertifikat AMS'))
@when(parsers.parse('penyedia "{alias}" mengirim permintaan sertifikat AMS'))
def ams_requested(world: World, alias: str) -> None:
    """The red link with both recommendation documents; SPSE answers that it waits for the
    LPSE's verifikator (walked: SpamKodok makes the key and its request on the desk)."""
    actor = world.actor(alias)
    shown = submit_ams(world, actor, letter_for(actor), statement_for(actor))
    world.expect_message("permintaan sertifikat terkirim", "ams.terkirim", shown)


@then(parsers.parse('tidak ada sertifikat penyedia "{alias}" yang tercatat di SPSE maupun BSrE'))
def nothing_recorded(world: World, alias: str) -> None:
    found = world.env.sim.certificates(world.actor(alias).user_id)
    counts = {k: len(found[k]) for k in ("certificates", "ams_requests", "issued")}
    expected = {"certificates": 0, "ams_requests": 0, "issued": 0}
    world.expect("tidak ada yang tercatat", repr(expected), repr(counts), counts == expected)


@then(parsers.parse('tidak ada sertifikat yang tertanam di SpamKodok penyedia "{alias}"'))
def nothing_embedded(world: World, alias: str) -> None:
    embedded = world.actor(alias).kodok.has_certificate
    world.expect(
        "SpamKodok tanpa sertifikat",
        tr("tidak tertanam"),
        tr("tertanam") if embedded else tr("tidak tertanam"),
        not embedded,
    )


@then(parsers.parse('sertifikat penyedia "{alias}" tertanam di SpamKodok dan tercatat di SPSE'))
def embedded_and_recorded(world: World, alias: str) -> None:
    actor = world.actor(alias)
    certificate = actor.kodok.keystore().certificate
    current = world.env.sim.certificates(actor.user_id)["current"]
    embedded = None if certificate is None else str(certificate.serial_number)
    world.expect(
        "sertifikat tertanam = sertifikat yang dicantumkan SPSE",
        str(current),
        str(embedded),
        current is not None and embedded == current,
    )


# import APD -----------------------------------------------------------------------------------
def put_apd(
    world: World,
    story: CertificateStory,
    alias: str,
    owner_alias: str,
    variant: str,
    passphrase: str,
) -> None:
    owner = world.actor(owner_alias)
    data, info = world.env.sim.old_certificate_apd(
        owner.user_id,
        passphrase=passphrase,
        variant=variant,
        key_pem=key_pem(world.env.keys.next()).decode(),
    )
    path = world.actor(alias).desk.folder / "SpamKodok lama" / "sertifikat.apd"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    story.apd_files[alias] = path
    story.old[owner_alias] = {**info, "path": path}
    story.apd_passphrases[owner_alias] = passphrase


@given(
    parsers.re(
        r'penyedia "(?P<alias>[^"]+)" menyimpan berkas APD sertifikat SpamKodok lama '
        r"(?P<variant>yang aktif|yang kedaluwarsa|dari CA lain) dengan "
        r'passphrase "(?P<passphrase>[^"]+)"'
    )
)
def apd_on_desk(
    world: World, certificate_story: CertificateStory, alias: str, variant: str, passphrase: str
) -> None:
    put_apd(world, certificate_story, alias, alias, APD_VARIANTS[variant], passphrase)


@given(
    parsers.parse(
        'penyedia "{alias}" menyimpan berkas APD sertifikat SpamKodok lama milik penyedia '
        '"{owner}" dengan passphrase "{passphrase}"'
    )
)
def someone_elses_apd(
    world: World, certificate_story: CertificateStory, alias: str, owner: str, passphrase: str
) -> None:
    put_apd(world, certificate_story, alias, owner, "aktif", passphrase)


@given(parsers.parse('penyedia "{alias}" menyimpan berkas APD yang rusak'))
def corrupt_apd(world: World, certificate_story: CertificateStory, alias: str) -> None:
    path = world.actor(alias).desk.folder / "SpamKodok lama" / "sertifikat.apd"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"Berkas ini bukan APD: tersalin setengah dari flashdisk.\n" * 40)
    certificate_story.apd_files[alias] = path


@when(parsers.parse('penyedia "{alias}" mengimpor berkas APD dengan passphrase "{passphrase}"'))
def import_apd(
    world: World, certificate_story: CertificateStory, alias: str, passphrase: str
) -> None:
    """Sertifikat (top right) -> Import APD: passphrase, letter, then the APD in the dialog."""
    _import_apd(world, certificate_story, alias, passphrase, in_person=False)


@when(
    parsers.parse(
        'penyedia "{alias}" mengimpor berkas APD dengan passphrase "{passphrase}" '
        "dan memilih verifikasi ulang di LPSE"
    )
)
def import_apd_in_person(
    world: World, certificate_story: CertificateStory, alias: str, passphrase: str
) -> None:
    """Import APD with the optional in-person step (the profile's ``upgrade_in_person``)."""
    _import_apd(world, certificate_story, alias, passphrase, in_person=True)


def _import_apd(
    world: World, story: CertificateStory, alias: str, passphrase: str, *, in_person: bool
) -> None:
    actor = world.actor(alias)
    at_home(world, actor)
    page = ApdImportPage(actor.desk.page, world.env.spse_url)
    page.open_from_menu()
    page.import_apd(
        actor.kodok,
        story.apd_files[alias],
        passphrase,
        letter_for(actor),
        statement=statement_for(actor),
        in_person=in_person,
    )


def old_certificate(story: CertificateStory, owner: str) -> x509.Certificate:
    info = story.old[owner]
    _, certificate, _ = pkcs12.load_key_and_certificates(
        Path(info["path"]).read_bytes(), story.apd_passphrases[owner].encode()
    )
    assert certificate is not None
    assert str(certificate.serial_number) == info["serial"]
    return certificate


def issued_for(world: World, actor: Actor) -> dict[str, Any]:
    return world.env.sim.certificates(actor.user_id)


@then(
    parsers.parse(
        'sertifikat lama penyedia "{alias}" telah dicabut BSrE dan tidak lagi dicantumkan SPSE'
    )
)
def old_revoked(world: World, certificate_story: CertificateStory, alias: str) -> None:
    actor = world.actor(alias)
    old_serial = certificate_story.old[alias]["serial"]
    found = issued_for(world, actor)
    revoked = {r["serial"]: r["revoked_at"] for r in found["issued"]}
    world.expect(
        "BSrE mencabut sertifikat lama",
        tr("{serial} dicabut", serial=old_serial),
        repr(revoked.get(old_serial)),
        revoked.get(old_serial) is not None,
    )
    # What SPSE lists is the new certificate, on the Import APD page as through /_sim.
    page = ApdImportPage(actor.desk.page, world.env.spse_url)
    page.goto()
    listed = page.certificate_serial()
    world.expect(
        "SPSE mencantumkan sertifikat baru, bukan yang lama",
        tr("bukan {serial}", serial=old_serial),
        tr("halaman: {listed}, /_sim: {current}", listed=listed, current=found["current"]),
        listed is not None and listed == found["current"] and listed != old_serial,
    )


@then(parsers.parse('sertifikat baru penyedia "{alias}" tertanam di SpamKodok dengan kunci baru'))
def new_embedded(world: World, certificate_story: CertificateStory, alias: str) -> None:
    actor = world.actor(alias)
    keystore = actor.kodok.keystore()
    old = old_certificate(certificate_story, alias)
    found = issued_for(world, actor)
    embedded = keystore.certificate
    world.expect(
        "sertifikat baru tertanam dengan kunci baru",
        tr("seri {serial}, kunci bukan kunci lama", serial=found["current"]),
        tr("(tidak ada)")
        if embedded is None
        else tr("seri {serial}", serial=embedded.serial_number),
        embedded is not None
        and str(embedded.serial_number) == found["current"]
        and keystore.private_key.public_key() != old.public_key(),
    )
    # Self-service: "diperbarui" at once; with the in-person step: reviewed, then "tertanam".
    requests = found["ams_requests"]
    last = requests[-1] if requests else {}
    recorded = (last.get("status") == "diperbarui") or (
        last.get("kind") == "upgrade" and last.get("status") == "tertanam"
    )
    world.expect(
        "SPSE mencatat upgrade",
        f"diperbarui/tertanam, seri {found['current']}",
        repr([(a["kind"], a["status"], a["serial"]) for a in requests]),
        recorded and last.get("serial") == found["current"] and len(requests) == 1,
    )


@then(parsers.parse('tidak ada sertifikat baru yang diterbitkan untuk penyedia "{alias}"'))
def no_new_certificate(world: World, certificate_story: CertificateStory, alias: str) -> None:
    actor = world.actor(alias)
    found = issued_for(world, actor)
    seeded = {certificate_story.old[alias]["serial"]} if alias in certificate_story.old else set()
    issued = {r["serial"] for r in found["issued"]}
    world.expect(
        "BSrE tidak menerbitkan sertifikat baru",
        repr(sorted(seeded)),
        repr(sorted(issued)),
        issued <= seeded and not found["ams_requests"],
    )
    nothing_embedded(world, alias)


@then(parsers.parse('sertifikat lama penyedia "{alias}" masih berlaku'))
def old_still_valid(world: World, certificate_story: CertificateStory, alias: str) -> None:
    found = issued_for(world, world.actor(alias))
    old_serial = certificate_story.old[alias]["serial"]
    world.expect(
        "sertifikat lama tetap berlaku dan dicantumkan SPSE",
        old_serial,
        tr(
            "dicantumkan: {current}, dicabut: {revoked}",
            current=found["current"],
            revoked=[r["revoked_at"] for r in found["issued"] if r["serial"] == old_serial],
        ),
        found["current"] == old_serial
        and all(r["revoked_at"] is None for r in found["issued"] if r["serial"] == old_serial),
    )
