"""What a fake SPSE instance is configured with; plain data, read by ``create_app``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """One LPSE's configuration.

    ``simulation`` exposes the /_sim control API; it is meant for servers bound to a local
    address, or protected with ``control_token`` otherwise.
    """

    data_dir: Path
    profile: str = "spse-4.3-ca"
    base_path: str = "/eproc4"
    lpse_name: str = "LPSE Kota Surakarta"
    lpse_email: str = "lpse@surakarta.go.id"
    simulation: bool = True
    control_token: str | None = None
    clock_start: datetime | None = None
    clock_frozen: bool = True
