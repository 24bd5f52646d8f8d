"""Import APD on the server side, and the control plane's old certificates (no HTTP)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from service_world import LpseUnderTest

from fake_spse.control.old_certificates import seed_old_certificate
from fake_spse.domain.accounts import Account, AccountStatus, Role
from fake_spse.domain.certificates import UserCertificate
from fake_spse.domain.errors import DomainError, FormProblems, NotFound
from simulator.desk.spamkodok.apd import ApdExpired, ApdForeign, read_apd

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
PDF_LETTER = b"%PDF-1.4\n% surat rekomendasi\n%%EOF\n"
PASSPHRASE = "apd-lama-2019"


def vendor(lpse: LpseUnderTest, user_id: str = "cvmaju") -> Account:
    account = Account(
        user_id=user_id,
        role=Role.PENYEDIA,
        name=f"Nama {user_id}",
        email=f"{user_id}@contoh.co.id",
        password_hash="-",
        status=AccountStatus.AKTIF,
        created_at=lpse.clock.now(),
        company=f"CV {user_id.title()}",
        npwp="01.234.567.8-901.000",
        address="Jl. Slamet Riyadi 1",
        phone="0271-1",
        director=f"Direktur {user_id}",
    )
    lpse.db.add_account(account)
    return account


def old_of(
    lpse: LpseUnderTest, user_id: str, variant: str = "aktif"
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    seeded = seed_old_certificate(lpse.services, user_id, passphrase=PASSPHRASE, variant=variant)
    key, certificate, _ = pkcs12.load_key_and_certificates(seeded.apd, PASSPHRASE.encode())
    assert isinstance(key, rsa.RSAPrivateKey)
    assert certificate is not None
    assert str(certificate.serial_number) == seeded.serial
    return key, certificate


def pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


def csr_for(key: rsa.RSAPrivateKey) -> str:
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Direktur cvmaju")]))
        .sign(key, hashes.SHA256())
    )
    return csr.public_bytes(serialization.Encoding.PEM).decode()


def upgrade(
    lpse: LpseUnderTest,
    user: Account,
    old: x509.Certificate,
    key: rsa.RSAPrivateKey,
    *,
    letter_name: str = "Surat Rekomendasi.pdf",
    letter: bytes = PDF_LETTER,
    csr_pem: str | None = None,
    old_certificate_pem: str | None = None,
) -> tuple[UserCertificate, str]:
    return lpse.certificates.upgrade_certificate(
        user,
        old_certificate_pem=pem(old) if old_certificate_pem is None else old_certificate_pem,
        csr_pem=csr_for(key) if csr_pem is None else csr_pem,
        letter_name=letter_name,
        letter=letter,
    )


def keys(error: DomainError) -> list[str]:
    problems = error.problems if isinstance(error, FormProblems) else [error]
    return [p.key for p in problems]


def unchanged(lpse: LpseUnderTest, user: Account, old: x509.Certificate) -> None:
    """Nothing issued, nothing revoked: the old certificate is still the one SPSE lists."""
    assert [r.serial for r in lpse.ca.issued(user.user_id)] == [old.serial_number]
    assert lpse.ca.record(old.serial_number).revoked_at is None
    current = lpse.certificates.certificate_of(user.user_id)
    assert current is not None
    assert current.serial == str(old.serial_number)
    assert lpse.db.ams_requests(user.user_id) == []


# seeding old certificates -----------------------------------------------------------------------
def test_an_active_old_certificate_is_in_bsre_and_listed_by_spse(lpse: LpseUnderTest) -> None:
    vendor(lpse)
    seeded = seed_old_certificate(lpse.services, "cvmaju", passphrase=PASSPHRASE)
    assert seeded.not_before == START - timedelta(days=300)
    assert lpse.ca.record(int(seeded.serial)).user_id == "cvmaju"
    current = lpse.certificates.certificate_of("cvmaju")
    assert current is not None
    assert current.serial == seeded.serial
    assert current.recorded_at == seeded.not_before
    contents = read_apd(
        seeded.apd, PASSPHRASE, trust_roots=[lpse.ca.root], crls=[lpse.ca.crl()], at=START
    )
    assert str(contents.certificate.serial_number) == seeded.serial
    assert "UID=cvmaju" in contents.subject


def test_the_apd_variants_read_as_the_desk_would(lpse: LpseUnderTest) -> None:
    vendor(lpse)
    expired = seed_old_certificate(
        lpse.services, "cvmaju", passphrase=PASSPHRASE, variant="kedaluwarsa"
    )
    foreign = seed_old_certificate(lpse.services, "cvmaju", passphrase=PASSPHRASE, variant="asing")
    roots, crls = [lpse.ca.root], [lpse.ca.crl()]
    with pytest.raises(ApdExpired):
        read_apd(expired.apd, PASSPHRASE, trust_roots=roots, crls=crls, at=START)
    with pytest.raises(ApdForeign):
        read_apd(foreign.apd, PASSPHRASE, trust_roots=roots, crls=crls, at=START)
    # Only BSrE's certificates are in BSrE's register and SPSE's list; none of them is current.
    assert [str(r.serial) for r in lpse.ca.issued("cvmaju")] == [expired.serial]
    assert [c.serial for c in lpse.db.certificates("cvmaju")] == [expired.serial]
    assert lpse.certificates.certificate_of("cvmaju") is None


def test_seeding_checks_its_input(lpse: LpseUnderTest) -> None:
    vendor(lpse)
    with pytest.raises(ValueError, match="variant"):
        seed_old_certificate(lpse.services, "cvmaju", passphrase=PASSPHRASE, variant="dicuri")
    with pytest.raises(ValueError, match="passphrase"):
        seed_old_certificate(lpse.services, "cvmaju", passphrase="")
    with pytest.raises(NotFound):
        seed_old_certificate(lpse.services, "tidakada", passphrase=PASSPHRASE)


# the upgrade -----------------------------------------------------------------------------------
def test_upgrade_issues_a_new_certificate_and_revokes_the_old_one(
    lpse: LpseUnderTest, rsa_key: rsa.RSAPrivateKey
) -> None:
    user = vendor(lpse)
    _, old = old_of(lpse, user.user_id)
    new, old_serial = upgrade(lpse, user, old, rsa_key)
    assert old_serial == str(old.serial_number)
    assert new.serial != old_serial
    assert "UID=cvmaju" in new.subject
    assert new.not_after - new.not_before == timedelta(days=lpse.profile.certificate_validity_days)
    assert lpse.ca.record(old.serial_number).revoked_at == START
    current = lpse.certificates.certificate_of("cvmaju")
    assert current is not None
    assert current.serial == new.serial
    requests = lpse.db.ams_requests("cvmaju")
    assert [(r.status, r.serial, r.letter_name) for r in requests] == [
        ("diperbarui", new.serial, "Surat Rekomendasi.pdf")
    ]
    # The old certificate is spent: it cannot be upgraded a second time.
    with pytest.raises(DomainError) as again:
        upgrade(lpse, user, old, rsa_key)
    assert keys(again.value) == ["apd.sertifikat_lama_tidak_berlaku"]


def test_upgrade_of_another_vendors_certificate_is_refused(
    lpse: LpseUnderTest, rsa_key: rsa.RSAPrivateKey
) -> None:
    user = vendor(lpse)
    neighbour = vendor(lpse, "cvtetangga")
    _, theirs = old_of(lpse, neighbour.user_id)
    with pytest.raises(DomainError) as caught:
        upgrade(lpse, user, theirs, rsa_key)
    assert keys(caught.value) == ["apd.bukan_milik_anda"]
    assert caught.value.params == {"user_id": "cvmaju"}
    unchanged(lpse, neighbour, theirs)
    assert lpse.ca.issued("cvmaju") == []


def test_upgrade_of_a_certificate_bsre_never_issued_is_refused(
    lpse: LpseUnderTest, rsa_key: rsa.RSAPrivateKey
) -> None:
    user = vendor(lpse)
    seeded = seed_old_certificate(lpse.services, "cvmaju", passphrase=PASSPHRASE, variant="asing")
    _, foreign, _ = pkcs12.load_key_and_certificates(seeded.apd, PASSPHRASE.encode())
    assert foreign is not None
    with pytest.raises(DomainError) as caught:
        upgrade(lpse, user, foreign, rsa_key)
    assert keys(caught.value) == ["apd.bukan_milik_anda"]
    assert lpse.ca.issued("cvmaju") == []


def test_upgrade_of_an_expired_certificate_is_refused(
    lpse: LpseUnderTest, rsa_key: rsa.RSAPrivateKey
) -> None:
    user = vendor(lpse)
    _, old = old_of(lpse, user.user_id, "kedaluwarsa")
    with pytest.raises(DomainError) as caught:
        upgrade(lpse, user, old, rsa_key)
    assert keys(caught.value) == ["apd.sertifikat_lama_tidak_berlaku"]
    assert len(lpse.ca.issued("cvmaju")) == 1


def test_upgrade_with_bsre_down_changes_nothing(
    lpse: LpseUnderTest, rsa_key: rsa.RSAPrivateKey
) -> None:
    user = vendor(lpse)
    _, old = old_of(lpse, user.user_id)
    lpse.faults.arm("ca.down", times=1)
    with pytest.raises(DomainError) as caught:
        upgrade(lpse, user, old, rsa_key)
    assert keys(caught.value) == ["ams.ca_tidak_tersedia"]
    unchanged(lpse, user, old)
    upgrade(lpse, user, old, rsa_key)  # BSrE is back
    assert lpse.ca.record(old.serial_number).revoked_at is not None


def test_upgrade_needs_a_new_key(lpse: LpseUnderTest) -> None:
    user = vendor(lpse)
    old_key, old = old_of(lpse, user.user_id)
    with pytest.raises(DomainError) as caught:
        upgrade(lpse, user, old, old_key)
    assert keys(caught.value) == ["ams.csr_tidak_valid"]
    unchanged(lpse, user, old)


def test_upgrade_reports_form_problems_together(
    lpse: LpseUnderTest, rsa_key: rsa.RSAPrivateKey
) -> None:
    user = vendor(lpse)
    _, old = old_of(lpse, user.user_id)
    with pytest.raises(FormProblems) as caught:
        upgrade(
            lpse,
            user,
            old,
            rsa_key,
            letter_name="",
            letter=b"",
            csr_pem="bukan csr",
            old_certificate_pem="bukan sertifikat",
        )
    assert keys(caught.value) == [
        "ams.surat_wajib",
        "ams.csr_tidak_valid",
        "apd.sertifikat_lama_tidak_valid",
    ]
    unchanged(lpse, user, old)


# the ca.validity fault -------------------------------------------------------------------------
def test_ca_validity_shortens_only_the_next_issuance_of_that_user(
    lpse: LpseUnderTest, rsa_key: rsa.RSAPrivateKey
) -> None:
    user = vendor(lpse)
    other = vendor(lpse, "cvlain")
    lpse.faults.arm("ca.validity", times=1, actor="cvmaju", params={"validity_days": 1})
    normal = lpse.certificates.register_ams(
        other, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=csr_for(rsa_key)
    )
    short = lpse.certificates.register_ams(
        user, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=csr_for(rsa_key)
    )
    again = lpse.certificates.register_ams(
        user, letter_name="surat.pdf", letter=PDF_LETTER, csr_pem=csr_for(rsa_key)
    )
    days = lpse.profile.certificate_validity_days
    assert normal.not_after - normal.not_before == timedelta(days=days)
    assert short.not_after - short.not_before == timedelta(days=1)
    assert again.not_after - again.not_before == timedelta(days=days)
    assert [f.name for f in lpse.faults.firings()] == ["ca.validity"]
