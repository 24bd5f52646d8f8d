"""How certificate subjects are written everywhere a person reads them."""

from __future__ import annotations

from cryptography import x509
from cryptography.x509.oid import NameOID

# RFC 4514 has no short name for emailAddress; OpenSSL's is the one people recognise.
_RFC4514_NAMES = {NameOID.EMAIL_ADDRESS: "emailAddress"}


def subject_text(name: x509.Name) -> str:
    """``UID=budi01,emailAddress=b@x.id,O=CV Maju Jaya,CN=Budi``."""
    return name.rfc4514_string(_RFC4514_NAMES)
