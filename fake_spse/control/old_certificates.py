"""Seeding what lay on a vendor's disk before SpamKodok 2: the old SpamKodok certificate,
exported as an APD file (the file "import APD" upgrades).

Control plane only (/_sim/ca/apd): a scenario asks for the vendor's old certificate, BSrE issues
it back-dated (or a throwaway CA issues a foreign one), SPSE records it as it did back then, and
the scenario gets the APD bytes to put on the vendor's desk. The APD format is the one
``simulator.desk.spamkodok.apd`` reads: a PKCS#12 file with the RSA key, the certificate and its
issuing chain, protected by the vendor's passphrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID

from fake_spse.domain.accounts import Account
from fake_spse.service.services import Services
from spse_shared.names import subject_text

APD_FRIENDLY_NAME = b"spamkodok-apd"
OLD_VALIDITY = timedelta(days=365)
OLD_KEY_BITS = 2048
# "aktif": issued 300 days ago, 65 days left. "kedaluwarsa": expired 35 days ago.
# "asing": issued by another CA (not BSrE), valid now.
VARIANTS = {"aktif": timedelta(days=300), "kedaluwarsa": timedelta(days=400), "asing": None}
FOREIGN_CA_NAME = "CA Lain Simulasi (bukan BSrE)"


@dataclass(frozen=True)
class OldCertificate:
    """An old SpamKodok certificate as an APD file, and what the scenario may assert on."""

    serial: str
    subject: str
    not_before: datetime
    not_after: datetime
    variant: str
    apd: bytes


def old_key_from_pem(pem: str) -> rsa.RSAPrivateKey:
    """An old certificate's key given as an unencrypted RSA-2048 PEM; ValueError otherwise."""
    # Test data from the simulator's own pool, on the control plane: the slow consistency
    # check of RSA keys (longer than the rest of the request) adds nothing here.
    key = serialization.load_pem_private_key(
        pem.encode(), password=None, unsafe_skip_rsa_key_validation=True
    )
    if not isinstance(key, rsa.RSAPrivateKey) or key.key_size != OLD_KEY_BITS:
        raise ValueError("key_pem must be an RSA-2048 private key")
    return key


def seed_old_certificate(
    services: Services,
    user_id: str,
    *,
    passphrase: str,
    variant: str = "aktif",
    key: rsa.RSAPrivateKey | None = None,
) -> OldCertificate:
    """Issue the old certificate of ``user_id`` (``variant`` in VARIANTS) and export it as APD.

    BSrE variants are entered in BSrE's register and recorded by SPSE, dated when they were
    issued; a foreign certificate is known to neither. ``key``: the person's old key (a
    simulator's pre-generated one); by default a new one.
    """
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
    if not passphrase:
        raise ValueError("passphrase must not be empty")
    account = services.accounts.account(user_id)
    now = services.simulation.now()
    if key is None:
        key = rsa.generate_private_key(65537, OLD_KEY_BITS)
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(_subject(account))
        .sign(key, hashes.SHA256())
    )
    age = VARIANTS[variant]
    if age is None:
        certificate, chain = _foreign_certificate(csr, user_id, now)
    else:
        not_before = now - age
        certificate = services.certificates.issue_old_certificate(
            user_id, csr, not_before=not_before, validity=OLD_VALIDITY
        )
        chain = services.certificates.chain()
    apd = pkcs12.serialize_key_and_certificates(
        APD_FRIENDLY_NAME, key, certificate, chain, BestAvailableEncryption(passphrase.encode())
    )
    return OldCertificate(
        serial=str(certificate.serial_number),
        subject=subject_text(certificate.subject),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        variant=variant,
        apd=apd,
    )


def _subject(account: Account) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, account.director or account.name),
    ]
    if account.company:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, account.company))
    if account.email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, account.email))
    return x509.Name(attributes)


def _foreign_certificate(
    csr: x509.CertificateSigningRequest, user_id: str, now: datetime
) -> tuple[x509.Certificate, list[x509.Certificate]]:
    """A throwaway CA, made for this one certificate, that BSrE and SPSE know nothing of."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.COMMON_NAME, FOREIGN_CA_NAME),
        ]
    )
    ca_certificate = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=3650))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(ca_key, hashes.SHA256())
    )
    subject = x509.Name([*csr.subject, x509.NameAttribute(NameOID.USER_ID, user_id)])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_name)
        .public_key(csr.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=100))
        .not_valid_after(now - timedelta(days=100) + OLD_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .sign(ca_key, hashes.SHA256())
    )
    return certificate, [ca_certificate]
