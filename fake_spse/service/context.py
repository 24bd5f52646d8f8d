"""``Context``: the parts every service of one LPSE shares (clock, faults, storage, BSrE,
ADP, mail)."""

from __future__ import annotations

from dataclasses import dataclass

from fake_spse.adapters.adp import AdpService
from fake_spse.adapters.ca import CertificateAuthority
from fake_spse.adapters.mail import MailSender
from fake_spse.settings import Settings
from fake_spse.simulation.clock import SimClock
from fake_spse.simulation.faults import FaultBoard
from fake_spse.storage.blobs import BlobStore
from fake_spse.storage.unit_of_work import UnitOfWork
from spse_shared.messages import MessageCatalog
from spse_shared.profile import Profile


@dataclass(frozen=True)
class Context:
    """One LPSE's parts, built by ``fake_spse.app`` and handed to each service."""

    settings: Settings
    profile: Profile
    messages: MessageCatalog
    clock: SimClock
    faults: FaultBoard
    unit: UnitOfWork
    blobs: BlobStore
    ca: CertificateAuthority
    adp: AdpService
    # SPSE's outgoing mail; connected to the LPSE's SMTP server once the app is wired.
    mail: MailSender
