"""``spse-sim serve``: the fake SPSE with demo users and a tender, for a person to click through.

``--demo`` seeds the realistic LPSE for a class, with the trainer panel at /_sim/panel;
``--control-token`` (or $SPSE_SIM_TOKEN) guards /_sim and the panel.
"""

from __future__ import annotations

import argparse
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from fake_spse.settings import SPSE_SESSION_ABSOLUTE, SPSE_SESSION_IDLE
from simulator.cli.options import add_profile, add_seed, new_command, writable_folder
from spse_shared.language import tr

if TYPE_CHECKING:
    from simulator.cli.options import Subparsers

TOKEN_ENV = "SPSE_SIM_TOKEN"


def add_parser(subparsers: Subparsers) -> None:
    """Register ``spse-sim serve``, its options and its handler."""
    serve = new_command(
        subparsers, "serve", help="jalankan fake SPSE dengan pengguna demo dan satu paket tender"
    )
    serve.add_argument(
        "--data-dir", metavar="DIR", default="spse-data", help="tempat server menyimpan datanya"
    )
    add_profile(serve, "profil SPSE yang dilayani")
    serve.add_argument("--host", default="127.0.0.1", help="alamat yang didengarkan")
    serve.add_argument("--port", type=int, default=8080, help="port yang didengarkan")
    add_seed(serve, "seed Faker untuk data demo")
    serve.add_argument(
        "--sesi-tanpa-batas",
        action="store_true",
        help=tr(
            "sesi login tidak pernah berakhir (bawaan: berakhir seperti SPSE, {idle} menit tanpa "
            "aktivitas atau {absolute} jam sejak login, menurut jam simulasi)",
            idle=SPSE_SESSION_IDLE.seconds // 60,
            absolute=SPSE_SESSION_ABSOLUTE.seconds // 3600,
        ),
    )
    trainer = serve.add_argument_group("mode pelatih")
    trainer.add_argument(
        "--demo",
        action="store_true",
        help="isi LPSE yang realistis: belasan penyedia dalam berbagai keadaan, "
        "tender di setiap tahap",
    )
    # No default shown in --help: it would print the token of $SPSE_SIM_TOKEN.
    trainer.add_argument(
        "--control-token",
        metavar="TOKEN",
        help=tr(
            "/_sim dan /_sim/panel butuh token ini ('auto': token baru; bawaan: ${env})",
            env=TOKEN_ENV,
        ),
    )
    serve.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns its exit code."""
    # Imported here: the server's modules take seconds to import (see simulator.cli.main).
    from simulator.demo.basic import serve

    data_dir = writable_folder(Path(args.data_dir), "--data-dir")
    token = args.control_token or os.environ.get(TOKEN_ENV) or None
    if token == "auto":
        token = secrets.token_urlsafe(24)
    return serve(
        data_dir=data_dir,
        profile=args.profile,
        host=args.host,
        port=args.port,
        seed=args.seed,
        demo=args.demo,
        control_token=token,
        session_expiry=not args.sesi_tanpa_batas,
    )
