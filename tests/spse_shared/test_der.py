"""Definite-length DER, as SpamKodok and SPSE both require of a CMS file."""

from __future__ import annotations

import pytest

from spse_shared.der import check_definite_der

# SEQUENCE { INTEGER 1, OCTET STRING "ab" }
GOOD = bytes([0x30, 0x07, 0x02, 0x01, 0x01, 0x04, 0x02, 0x61, 0x62])


def test_one_definite_element_passes() -> None:
    check_definite_der(GOOD)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (bytes([0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00]), "indefinite"),
        (GOOD + b"\x00", "trailing"),
        (bytes([0x04, 0x81, 0x02, 0x61, 0x62]), "non-minimal"),
        (bytes([0x30, 0x07, 0x02, 0x01, 0x01, 0x04, 0x05, 0x61, 0x62]), "past its container"),
    ],
    ids=["empty", "indefinite", "trailing", "non-minimal", "overrun"],
)
def test_anything_else_is_refused_with_its_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        check_definite_der(data)
