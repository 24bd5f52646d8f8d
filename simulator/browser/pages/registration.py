"""The vendor's online registration form."""

from __future__ import annotations

from simulator.browser.pages.base import SpsePage
from simulator.testdata.factory import VendorData


class RegistrationPage(SpsePage):
    path = "/registrasi"

    def register(self, vendor: VendorData) -> None:
        self.goto()
        fields = {
            "Nama Perusahaan": vendor.company,
            "NPWP": vendor.npwp,
            "Alamat": vendor.address,
            "Telepon": vendor.phone,
            "Nama Direktur": vendor.director,
            "Email": vendor.email,
            "User ID": vendor.user_id,
            "Password": vendor.password,
            "Ulangi Password": vendor.password,
        }
        for label, value in fields.items():
            self.page.get_by_label(label, exact=True).fill(value)
        self.page.get_by_role("button", name="Daftar").click()
        self.page.wait_for_load_state()
