"""``Services``: one LPSE's use cases grouped by area, built once by ``fake_spse.app``."""

from __future__ import annotations

from fake_spse.service.accounts import AccountService
from fake_spse.service.apendo import ApendoService
from fake_spse.service.certificates import CertificateService
from fake_spse.service.context import Context
from fake_spse.service.dua_file import DuaFileService
from fake_spse.service.evaluation import EvaluationService
from fake_spse.service.offers import OfferService
from fake_spse.service.pemilihan import PemilihanService
from fake_spse.service.qualification import QualificationService
from fake_spse.service.simulation import SimulationService
from fake_spse.service.tender_cepat import TenderCepatService
from fake_spse.service.tenders import TenderService
from fake_spse.service.vendor_data import VendorDataService
from fake_spse.settings import Settings
from spse_shared.messages import MessageCatalog
from spse_shared.profile import Profile


class Services:
    """The one door to an LPSE: pages, /_sim and the demo seeding call these and nothing below.

    Every method takes plain values, applies the rules of ``fake_spse.domain`` with the
    simulated clock, the fault board and the systems SPSE depends on (BSrE CA, LKPP ADP), runs
    its reads and writes as one unit of work, and raises ``DomainError`` with a message key
    when a rule says no. No HTTP in here. Methods block (SQLite, hashing, keys): async callers
    run them in a worker thread.
    """

    def __init__(self, context: Context) -> None:
        self.settings: Settings = context.settings
        self.profile: Profile = context.profile
        self.messages: MessageCatalog = context.messages
        self.simulation = SimulationService(context)
        self.accounts = AccountService(context)
        self.certificates = CertificateService(context)
        self.tenders = TenderService(context, self.accounts, self.certificates)
        self.offers = OfferService(context, self.tenders, self.certificates)
        self.apendo = ApendoService(context, self.tenders, self.offers)
        self.vendor_data = VendorDataService(context)
        self.qualification = QualificationService(context, self.tenders)
        self.pemilihan = PemilihanService(context, self.tenders)
        self.evaluation = EvaluationService(
            context, self.accounts, self.tenders, self.offers, self.qualification
        )
        self.dua_file = DuaFileService(
            context, self.accounts, self.tenders, self.offers, self.evaluation
        )
        self.tender_cepat = TenderCepatService(context, self.accounts, self.tenders, self.offers)
