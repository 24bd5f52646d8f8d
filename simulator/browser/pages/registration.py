"""The vendor's registration as SPSE 4 runs it: 'Daftar' with an e-mail address, then the form
behind the link SPSE mails; and Lupa Password, the same way."""

from __future__ import annotations

from simulator.browser.pages.base import SpsePage
from simulator.testdata.factory import VendorData
from spse_shared.language import tr


class RegistrationPage(SpsePage):
    path = "/registrasi"

    def request_link(self, email: str) -> None:
        """'Daftar': type the e-mail address and send it; SPSE mails the registration link."""
        self.goto()
        self.page.get_by_label(tr("Email"), exact=True).fill(email)
        self.page.get_by_role("button", name=tr("Daftar")).click()
        self.page.wait_for_load_state()

    def fill_form(self, vendor: VendorData) -> None:
        """The form behind the link (already open in the page); the e-mail comes from it."""
        fields = {
            tr("Nama Perusahaan"): vendor.company,
            tr("NPWP"): vendor.npwp,
            tr("Alamat"): vendor.address,
            tr("Telepon"): vendor.phone,
            tr("Nama Direktur"): vendor.director,
            tr("User ID"): vendor.user_id,
            tr("Password"): vendor.password,
            tr("Ulangi Password"): vendor.password,
        }
        for label, value in fields.items():
            self.page.get_by_label(label, exact=True).fill(value)
        self.page.get_by_role("button", name=tr("Daftar")).click()
        self.page.wait_for_load_state()


class ForgotPasswordPage(SpsePage):
    path = "/lupa-password"

    def request_link(self, email: str) -> None:
        """Lupa Password: the account's e-mail address; SPSE mails a new-password link."""
        self.goto()
        self.page.get_by_label(tr("Email"), exact=True).fill(email)
        self.page.get_by_role("button", name=tr("Kirim")).click()
        self.page.wait_for_load_state()

    def set_password(self, password: str, confirm: str | None = None) -> None:
        """The form behind the link (already open in the page)."""
        self.page.get_by_label(tr("Password Baru"), exact=True).fill(password)
        self.page.get_by_label(tr("Ulangi Password Baru"), exact=True).fill(
            password if confirm is None else confirm
        )
        self.page.get_by_role("button", name=tr("Simpan")).click()
        self.page.wait_for_load_state()
