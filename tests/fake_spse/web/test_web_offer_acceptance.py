"""What the upload endpoint accepts as an offer: junk, offers to someone else and offers from a
vendor whose certificate was revoked are refused with SPSE's message and replace nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from offer_bodies import envelope
from spse_web import UPLOAD_STAGE, World

from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()


def current(world: World) -> list[tuple[str, bool]]:
    return [(row["sha256"], row["current"]) for row in world.sim.offers(world.tender_id)]


def test_junk_does_not_replace_a_valid_offer(world: World) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=60)
    valid = world.vendor_a.upload(
        world.tender_id, world.vendor_a.sealed(world.tender_id, b"penawaran sah")
    ).json()
    assert valid["ok"]

    junk = world.vendor_a.upload(world.tender_id, b"sampah!")

    assert junk.status_code == 400
    assert junk.json() == {"ok": False, "messages": [MESSAGES.text("penawaran.bukan_cms")]}
    assert current(world) == [(valid["sha256"], True)]
    page = world.vendor_a.get(f"/lelang/{world.tender_id}/penawaran")
    assert valid["sha256"] in page.text


def stranger() -> str:
    """A certificate of someone who is not the tender's pokja."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Orang Lain")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


def test_an_offer_sealed_to_someone_else_is_refused(world: World) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=60)
    pem = stranger()
    pokja = world.vendor_a.recipients(world.tender_id)
    for recipients in ([pem], [*pokja, pem]):
        answer = world.vendor_a.upload(world.tender_id, envelope(b"isi", recipients))
        assert answer.json()["messages"] == [MESSAGES.text("penawaran.penerima_salah")]
    assert current(world) == []


def test_a_vendor_with_a_revoked_certificate_cannot_send(world: World) -> None:
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE, plus_seconds=60)
    body = world.vendor_a.sealed(world.tender_id, b"penawaran")
    world.sim.call("POST", "/ca/revoke", {"user_id": "ptmaju"})

    answer = world.vendor_a.upload(world.tender_id, body)

    assert answer.json()["messages"] == [
        MESSAGES.text("penawaran.sertifikat_penyedia_tidak_berlaku")
    ]
    assert current(world) == []
    assert world.vendor_b.upload(
        world.tender_id, world.vendor_b.sealed(world.tender_id, b"penawaran")
    ).json()["ok"]
