"""Data Penyedia and Kirim Persyaratan Kualifikasi (fake_spse/web/vendor_data.py) over HTTP."""

from __future__ import annotations

from spse_web import BASE, UPLOAD_STAGE, World, page_text

from spse_shared.messages import MessageCatalog

MESSAGES = MessageCatalog()


def test_a_ticked_record_id_int_refuses_is_ignored_not_a_crash(world: World) -> None:
    """Found by the every-route fuzz: the ticked ``data`` values were read with int() after
    str.isdigit(), which holds for "²": int() raised ValueError (a 500)."""
    vendor = world.vendor_a
    record = {"jenis": "SIUP", "nomor": "503/1", "instansi": "DPMPTSP", "kualifikasi": "K"}
    assert vendor.post_form("/penyedia/data?jenis=izin_usaha", record).status_code == 303
    world.sim.to_stage(world.tender_id, UPLOAD_STAGE)
    path = f"/lelang/{world.tender_id}/kualifikasi"
    token = vendor.token(path)
    form = {"data": ["1", "²", "9" * 5000], "authenticityToken": token}
    odd = vendor.http.post(BASE + path, data=form)
    assert odd.status_code == 400, odd.text[:300]
    # Record 1 (the Izin Usaha) was read; the odd values were left out, not a crash.
    shown = page_text(odd)
    assert MESSAGES.text("kualifikasi.izin_wajib") not in shown
    assert MESSAGES.text("kualifikasi.akta_pendirian_wajib") in shown
