"""The message catalog's wording of keys quoted in steps."""

from __future__ import annotations

from spse_shared.messages import MessageCatalog


def test_a_quoted_key_reads_as_its_wording_with_placeholders_as_ellipses() -> None:
    catalog = MessageCatalog()

    text = catalog.readable('Maka muncul pesan "registrasi.user_id_dipakai" di "halaman.itu"')

    assert text == 'Maka muncul pesan “User ID … sudah digunakan.” di "halaman.itu"'


def test_a_profile_override_changes_the_wording() -> None:
    catalog = MessageCatalog({"login.gagal": "Salah."})

    assert catalog.readable('pesan "login.gagal"') == "pesan “Salah.”"
