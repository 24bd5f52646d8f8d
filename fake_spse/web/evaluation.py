"""After opening: the pokja's evaluation page, the participant's sanggah page, and the public
Hasil Evaluasi, Pemenang and Pemenang Berkontrak pages (in the shape SPSE 4 scrapers read)."""

from __future__ import annotations

from decimal import Decimal

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError
from fake_spse.domain.evaluation import Marks, contract_signed, results_public
from fake_spse.domain.numbers import whole_number
from fake_spse.domain.scoring import parse_nilai_teknis
from fake_spse.domain.tenders import Tender, rupiah
from fake_spse.service.blocking import call
from fake_spse.web.common import (
    error_page,
    form_data,
    redirect,
    render,
    require_user,
    services,
    texts,
)


def _tender_or_error(request: Request) -> tuple[Tender | None, Response | None]:
    try:
        return services(request).tenders.tender(request.path_params["tender_id"]), None
    except DomainError as exc:
        return None, error_page(request, exc)


# public ------------------------------------------------------------------------------------
async def results_page(request: Request) -> Response:
    """Hasil Evaluasi: per participant K, B, A, T, H marks, prices and the winner's star."""
    tender, failed = _tender_or_error(request)
    if failed is not None:
        return failed
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    evaluated = []
    if tender is not None and results_public(tender, the_services.simulation.now()):
        evaluated = [r for r in the_services.evaluation.results(tender_id) if r.evaluation]
    announced = the_services.evaluation.announced_winner(tender_id)
    return render(
        request,
        "evaluasi_hasil.html",
        {
            "tender": tender,
            "rows": evaluated,
            "announced": announced is not None,
            "scored": tender is not None
            and the_services.evaluation.kualitas_biaya(tender) is not None,
        },
    )


def _winner_context(request: Request, *, contract: bool) -> dict[str, object] | Response:
    tender, failed = _tender_or_error(request)
    if failed is not None:
        return failed
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    winner = the_services.evaluation.announced_winner(tender_id)
    now = the_services.simulation.now()
    if contract and tender is not None and not contract_signed(tender.schedule, now):
        winner = None
    rows = [r for r in the_services.evaluation.results(tender_id) if r.winner]
    return {"tender": tender, "winner": winner, "row": rows[0] if winner and rows else None}


async def winner_page(request: Request) -> Response:
    context = _winner_context(request, contract=False)
    if isinstance(context, Response):
        return context
    return render(request, "evaluasi_pemenang.html", {**context, "contract": False})


async def contract_winner_page(request: Request) -> Response:
    context = _winner_context(request, contract=True)
    if isinstance(context, Response):
        return context
    return render(request, "evaluasi_pemenang.html", {**context, "contract": True})


# the pokja ---------------------------------------------------------------------------------
def _pokja_page(request: Request, errors: list[str] | None = None, status: int = 200) -> Response:
    require_user(request, Role.POKJA)
    the_services = services(request)
    tender, failed = _tender_or_error(request)
    if failed is not None:
        return failed
    tender_id = request.path_params["tender_id"]
    return render(
        request,
        "evaluasi_pokja.html",
        {
            "tender": tender,
            "rows": the_services.evaluation.results(tender_id),
            "rules": None if tender is None else the_services.evaluation.kualitas_biaya(tender),
            "dua_file": tender is not None and the_services.evaluation.dua_file(tender),
            "winner": the_services.evaluation.winner(tender_id),
            "sanggahan": the_services.evaluation.sanggahan(tender_id),
            "errors": errors or [],
        },
        status=status,
    )


async def pokja_page(request: Request) -> Response:
    return _pokja_page(request)


def _mark(fields: dict[str, str], part: str) -> bool:
    return fields.get(part, "") == "lulus"


def _corrected(fields: dict[str, str]) -> int | None:
    raw = fields.get("harga_terkoreksi", "").replace(".", "").replace(",", "").strip()
    if not raw:
        return None
    corrected = whole_number(raw)
    if corrected is None:
        raise DomainError("evaluasi.harga_koreksi_tidak_valid")
    return corrected


def _nilai_teknis(request: Request, fields: dict[str, str]) -> Decimal | None:
    """The Nilai Teknis field, read only where this page asks for it (a Kualitas dan Biaya
    method in one file); other methods' forms have no such field, and a dua file's nilai teknis
    is given with File I ('Evaluasi Administrasi dan Teknis')."""
    the_services = services(request)
    tender = the_services.tenders.tender(request.path_params["tender_id"])
    evaluation = the_services.evaluation
    if evaluation.kualitas_biaya(tender) is None or evaluation.dua_file(tender):
        return None
    return parse_nilai_teknis(fields.get("nilai_teknis", ""))


async def _pokja_action(request: Request, action: str) -> Response:
    pokja = require_user(request, Role.POKJA)
    the_services = services(request)
    tender_id = request.path_params["tender_id"]
    evaluation = the_services.evaluation
    message: str
    try:
        fields = await form_data(request)
        vendor_id = request.path_params.get("vendor_id", "")
        if action == "evaluate":
            marks = Marks(
                kualifikasi=_mark(fields, "kualifikasi"),
                administrasi=_mark(fields, "administrasi"),
                teknis=_mark(fields, "teknis"),
                harga=_mark(fields, "harga"),
                reason=fields.get("alasan", ""),
                corrected_rupiah=_corrected(fields),
                nilai_teknis=_nilai_teknis(request, fields),
            )
            await call(evaluation.evaluate, pokja, tender_id, vendor_id, marks)
            name = the_services.accounts.account(vendor_id).display_name
            message = the_services.messages.text("evaluasi.tersimpan", peserta=name)
        elif action == "invite":
            await call(evaluation.invite_pembuktian, pokja, tender_id, vendor_id)
            name = the_services.accounts.account(vendor_id).display_name
            message = the_services.messages.text("pembuktian.undangan_terkirim", peserta=name)
        elif action == "pembuktian":
            await call(
                evaluation.record_pembuktian,
                pokja,
                tender_id,
                vendor_id,
                passed=fields.get("hasil") == "lulus",
                reason=fields.get("alasan", ""),
            )
            name = the_services.accounts.account(vendor_id).display_name
            message = the_services.messages.text("evaluasi.tersimpan", peserta=name)
        elif action == "penetapan":
            winner = await call(evaluation.decide_winner, pokja, tender_id)
            if winner is None:
                reason = the_services.tenders.tender(tender_id).failed_reason or ""
                message = the_services.messages.text("tender.gagal", alasan=reason)
            else:
                message = the_services.messages.text(
                    "pemenang.ditetapkan",
                    peserta=the_services.accounts.account(winner.vendor_id).display_name,
                    harga=rupiah(winner.price_rupiah),
                )
        else:
            sanggah_id = int(request.path_params["sanggah_id"])
            await call(
                evaluation.answer_sanggah, pokja, tender_id, sanggah_id, fields.get("jawaban", "")
            )
            message = the_services.messages.text("sanggah.dijawab")
    except DomainError as exc:
        return _pokja_page(request, texts(request, exc), status=400)
    return redirect(request, f"/lelang/{tender_id}/evaluasi", message)


async def evaluate(request: Request) -> Response:
    return await _pokja_action(request, "evaluate")


async def invite(request: Request) -> Response:
    return await _pokja_action(request, "invite")


async def pembuktian(request: Request) -> Response:
    return await _pokja_action(request, "pembuktian")


async def penetapan(request: Request) -> Response:
    return await _pokja_action(request, "penetapan")


async def answer(request: Request) -> Response:
    return await _pokja_action(request, "answer")


# the participant ---------------------------------------------------------------------------
async def sanggah_page(request: Request) -> Response:
    vendor = require_user(request, Role.PENYEDIA)
    the_services = services(request)
    tender, failed = _tender_or_error(request)
    if failed is not None:
        return failed
    tender_id = request.path_params["tender_id"]
    context: dict[str, object] = {
        "tender": tender,
        "mine": [
            s for s in the_services.evaluation.sanggahan(tender_id) if s.vendor_id == vendor.user_id
        ],
        "form": {},
    }
    if request.method == "GET":
        return render(request, "sanggah.html", context)
    fields: dict[str, str] = {}
    try:
        fields = await form_data(request)
        await call(the_services.evaluation.file_sanggah, vendor, tender_id, fields.get("isi", ""))
    except DomainError as exc:
        context.update(form=fields, errors=texts(request, exc))
        return render(request, "sanggah.html", context, status=400)
    message = the_services.messages.text("sanggah.terkirim")
    return redirect(request, f"/lelang/{tender_id}/sanggah", message)


def routes() -> list[Route]:
    return [
        Route("/evaluasi/{tender_id:str}/hasil", results_page),
        Route("/evaluasi/{tender_id:str}/pemenang", winner_page),
        Route("/evaluasi/{tender_id:str}/pemenangberkontrak", contract_winner_page),
        Route("/lelang/{tender_id:str}/evaluasi", pokja_page),
        Route("/lelang/{tender_id:str}/evaluasi/{vendor_id:str}", evaluate, methods=["POST"]),
        Route(
            "/lelang/{tender_id:str}/pembuktian/{vendor_id:str}/undang", invite, methods=["POST"]
        ),
        Route("/lelang/{tender_id:str}/pembuktian/{vendor_id:str}", pembuktian, methods=["POST"]),
        Route("/lelang/{tender_id:str}/penetapan", penetapan, methods=["POST"]),
        Route("/lelang/{tender_id:str}/sanggah/{sanggah_id:int}/jawab", answer, methods=["POST"]),
        Route("/lelang/{tender_id:str}/sanggah", sanggah_page, methods=["GET", "POST"]),
    ]
