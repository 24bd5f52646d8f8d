"""LPSE Support's ticket rules (fake_spse.support.tickets), without storage or HTTP."""

from __future__ import annotations

import inspect
import re
from dataclasses import replace
from datetime import timedelta

import pytest
from factories import START

import fake_spse.support.tickets as tickets
from fake_spse.domain.accounts import Role
from fake_spse.domain.errors import DomainError, Forbidden
from fake_spse.support.tickets import (
    ALLOWED_FROM,
    CATEGORIES,
    Action,
    Actor,
    AttachmentRules,
    IncomingFile,
    Ticket,
    TicketDraft,
    TicketStatus,
    TicketType,
    Tier,
    allowed_actions,
    apply,
    attachment_problems,
    can_view,
    draft_problems,
    is_path_like,
    new_ticket,
    ticket_number,
    working_status,
)
from spse_shared.messages import CATALOG

VENDOR = Actor("cvmaju", Role.PENYEDIA, "CV Maju")
OTHER_VENDOR = Actor("cvlain", Role.PENYEDIA, "CV Lain")
HELPDESK = Actor("hana", Role.HELPDESK, "Hana")
VERIFIKATOR = Actor("vera", Role.VERIFIKATOR, "Vera")
ADMIN = Actor("adi", Role.ADMIN, "Adi")
LKPP = Actor("lina", Role.LKPP, "Lina")
POKJA = Actor("pak", Role.POKJA, "Pokja")
DRAFT = TicketDraft(
    title="Gagal upload penawaran",
    application="SPSE",
    category="Teknis",
    subcategory="Upload Dokumen Penawaran",
    description="Koneksi terputus saat mengirim dokumen penawaran.",
)


def filed() -> Ticket:
    ticket, _ = new_ticket(
        "LPSE-3372-2026-000001",
        VENDOR,
        DRAFT,
        email="cv@maju.co.id",
        phone="0812",
        company="CV Maju",
        at=START,
    )
    return ticket


def step(ticket: Ticket, actor: Actor, action: Action, **kwargs: object) -> Ticket:
    after, event = apply(ticket, actor, action, at=START + timedelta(minutes=1), **kwargs)  # type: ignore[arg-type]
    assert (event.from_status, event.to_status) == (ticket.status, after.status)
    assert (event.actor_id, event.actor_role, event.action) == (
        actor.user_id,
        actor.role.value,
        action,
    )
    return after


def test_ticket_numbers_carry_lpse_code_year_and_a_running_number() -> None:
    assert ticket_number("3372", 2026, 123) == "LPSE-3372-2026-000123"
    with pytest.raises(ValueError, match="4 digits"):
        ticket_number("33", 2026, 1)
    with pytest.raises(ValueError, match="out of range"):
        ticket_number("3372", 2026, 0)


def test_a_filed_ticket_is_new_at_the_helpdesk_with_its_first_history_line() -> None:
    ticket, event = new_ticket(
        "LPSE-3372-2026-000001",
        VENDOR,
        DRAFT,
        email="cv@maju.co.id",
        phone="0812",
        company="CV Maju",
        at=START,
    )
    assert (ticket.status, ticket.tier, ticket.assignee) == (TicketStatus.BARU, Tier.HELPDESK, None)
    assert (event.action, event.from_status, event.to_status) == (
        Action.BUAT,
        None,
        TicketStatus.BARU,
    )
    assert event.at == START


def test_only_vendors_file_tickets() -> None:
    with pytest.raises(Forbidden) as refused:
        new_ticket(
            "LPSE-3372-2026-000001", HELPDESK, DRAFT, email="", phone="", company="", at=START
        )
    assert refused.value.key == "support.hanya_penyedia"


def test_the_whole_way_lpse_eproc_lkpp_teknis_lkpp_and_the_vendor_gives_feedback() -> None:
    ticket = step(filed(), HELPDESK, Action.AMBIL)
    assert (ticket.status, ticket.assignee) == (TicketStatus.DIPROSES, "hana")
    ticket = step(ticket, HELPDESK, Action.ESKALASI)
    assert (ticket.status, ticket.tier, ticket.assignee) == (
        TicketStatus.DITERUSKAN_LKPP,
        Tier.LKPP,
        None,
    )
    assert ticket.tier.label == "Helpdesk Eproc LKPP"
    assert ticket.escalated_to_lkpp
    ticket = step(ticket, LKPP, Action.ESKALASI)
    assert (ticket.status, ticket.tier) == (TicketStatus.DITERUSKAN_LKPP, Tier.LKPP_TEKNIS)
    assert ticket.tier.label == "Helpdesk Teknis LKPP"
    ticket = step(ticket, LKPP, Action.AMBIL)
    assert (ticket.status, ticket.assignee) == (TicketStatus.DITERUSKAN_LKPP, "lina")
    ticket = step(ticket, LKPP, Action.SELESAIKAN, note="Sertifikat diterbitkan ulang.")
    assert (ticket.status, ticket.resolved_by, ticket.resolved_tier) == (
        TicketStatus.SELESAI,
        "lina",
        Tier.LKPP_TEKNIS,
    )
    ticket = step(ticket, VENDOR, Action.TERSELESAIKAN, rating=5)
    assert (ticket.status, ticket.closed, ticket.rating) == (TicketStatus.SELESAI, True, 5)
    assert allowed_actions(ticket, VENDOR.user_id, VENDOR.role) == []
    with pytest.raises(DomainError) as closed:
        step(ticket, VENDOR, Action.KOMENTAR, note="Terima kasih")
    assert closed.value.key == "support.tiket_ditutup"


def test_tidak_selesai_returns_the_ticket_to_whoever_resolved_it() -> None:
    ticket = step(filed(), HELPDESK, Action.AMBIL)
    ticket = step(ticket, HELPDESK, Action.SELESAIKAN, note="Silakan kirim ulang.")
    ticket = step(ticket, VENDOR, Action.TIDAK_SELESAI, rating=1, note="Masih gagal.")
    assert (ticket.status, ticket.tier, ticket.assignee, ticket.closed) == (
        TicketStatus.DIPROSES,
        Tier.HELPDESK,
        "hana",
        False,
    )


def test_tidak_selesai_after_lkpp_goes_back_to_lkpp() -> None:
    ticket = step(filed(), HELPDESK, Action.ESKALASI)
    ticket = step(ticket, LKPP, Action.SELESAIKAN, note="Sudah diperbaiki.")
    ticket = step(ticket, VENDOR, Action.TIDAK_SELESAI, rating=2, note="Belum.")
    assert (ticket.status, ticket.tier, ticket.assignee) == (
        TicketStatus.DITERUSKAN_LKPP,
        Tier.LKPP,
        "lina",
    )


def test_a_question_waits_for_the_vendor_whose_reply_puts_it_back_to_work() -> None:
    ticket = step(filed(), HELPDESK, Action.AMBIL)
    ticket = step(ticket, HELPDESK, Action.MINTA_INFO, note="Kirim screenshot error.")
    assert ticket.status is TicketStatus.MENUNGGU_PENYEDIA
    # A staff comment while waiting changes nothing; the vendor's reply does.
    assert step(ticket, ADMIN, Action.KOMENTAR, note="Kami tunggu.").status is (
        TicketStatus.MENUNGGU_PENYEDIA
    )
    ticket = step(ticket, VENDOR, Action.KOMENTAR, note="Terlampir.")
    assert ticket.status is TicketStatus.DIPROSES


def test_every_status_action_pair_outside_the_table_is_refused() -> None:
    base = filed()
    for status in TicketStatus:
        for action in ALLOWED_FROM:
            ticket = replace(base, status=status, tier=Tier.HELPDESK)
            actor = VENDOR if action in (Action.TERSELESAIKAN, Action.TIDAK_SELESAI) else ADMIN
            kwargs = {"note": "catatan", "rating": 3}
            if status in ALLOWED_FROM[action]:
                apply(ticket, actor, action, at=START, **kwargs)  # type: ignore[arg-type]
                continue
            with pytest.raises(DomainError) as refused:
                apply(ticket, actor, action, at=START, **kwargs)  # type: ignore[arg-type]
            assert refused.value.key == "support.aksi_tidak_diizinkan", (status, action)


def test_working_status_depends_on_the_tier() -> None:
    assert working_status(Tier.HELPDESK) is TicketStatus.DIPROSES
    assert working_status(Tier.LKPP) is TicketStatus.DITERUSKAN_LKPP
    assert working_status(Tier.LKPP_TEKNIS) is TicketStatus.DITERUSKAN_LKPP


def test_who_may_see_a_ticket() -> None:
    ticket = filed()
    assert can_view(ticket, "cvmaju", Role.PENYEDIA)
    assert not can_view(ticket, "cvlain", Role.PENYEDIA)
    for role in (Role.HELPDESK, Role.VERIFIKATOR, Role.ADMIN):
        assert can_view(ticket, "staf", role)
    assert not can_view(ticket, "pak", Role.POKJA)
    assert not can_view(ticket, "lina", Role.LKPP)
    escalated = step(ticket, HELPDESK, Action.ESKALASI)
    assert can_view(escalated, "lina", Role.LKPP)


def test_another_vendor_is_refused_with_the_catalog_message() -> None:
    with pytest.raises(Forbidden) as refused:
        apply(filed(), OTHER_VENDOR, Action.KOMENTAR, at=START, note="lihat")
    assert refused.value.key == "support.bukan_tiket_anda"
    assert refused.value.params == {"number": "LPSE-3372-2026-000001"}


def test_handlers_act_only_at_their_tier() -> None:
    ticket = filed()
    for actor in (HELPDESK, VERIFIKATOR, ADMIN):
        assert Action.AMBIL in allowed_actions(ticket, actor.user_id, actor.role)
    with pytest.raises(Forbidden) as vendor_takes:
        apply(ticket, VENDOR, Action.AMBIL, at=START)
    assert vendor_takes.value.key == "support.bukan_penanganan"
    at_lkpp = step(ticket, HELPDESK, Action.ESKALASI)
    with pytest.raises(Forbidden) as helpdesk_after:
        apply(at_lkpp, HELPDESK, Action.SELESAIKAN, at=START, note="x")
    assert helpdesk_after.value.key == "support.bukan_penanganan"
    with pytest.raises(Forbidden):
        apply(at_lkpp, ADMIN, Action.SELESAIKAN, at=START, note="x")
    at_teknis = step(at_lkpp, LKPP, Action.ESKALASI)
    # Helpdesk Teknis LKPP is the top tier: no escalation button, and no escalation.
    assert Action.ESKALASI not in allowed_actions(at_teknis, "lina", Role.LKPP)
    with pytest.raises(DomainError) as top:
        apply(at_teknis, LKPP, Action.ESKALASI, at=START)
    assert top.value.key == "support.tidak_dapat_diteruskan"


def test_only_the_filing_vendor_rates() -> None:
    ticket = step(step(filed(), HELPDESK, Action.AMBIL), HELPDESK, Action.SELESAIKAN, note="x")
    with pytest.raises(Forbidden) as staff_rates:
        apply(ticket, HELPDESK, Action.TERSELESAIKAN, at=START, rating=5)
    assert staff_rates.value.key == "support.hanya_pengirim"
    for bad in (None, 0, 6, True):
        with pytest.raises(DomainError) as refused:
            apply(ticket, VENDOR, Action.TERSELESAIKAN, at=START, rating=bad)  # type: ignore[arg-type]
        assert refused.value.key == "support.nilai_tidak_valid"


@pytest.mark.parametrize(
    "action", [Action.MINTA_INFO, Action.KOMENTAR, Action.SELESAIKAN, Action.TIDAK_SELESAI]
)
def test_handling_actions_need_a_note(action: Action) -> None:
    ticket = step(filed(), HELPDESK, Action.AMBIL)
    if action is Action.TIDAK_SELESAI:
        ticket = step(ticket, HELPDESK, Action.SELESAIKAN, note="x")
    actor = VENDOR if action is Action.TIDAK_SELESAI else HELPDESK
    with pytest.raises(DomainError) as refused:
        apply(ticket, actor, action, at=START, note="   ", rating=2)
    assert refused.value.key == "support.catatan_wajib"


def test_taking_a_ticket_one_already_holds_is_refused() -> None:
    ticket = step(filed(), HELPDESK, Action.AMBIL)
    assert Action.AMBIL not in allowed_actions(ticket, "hana", Role.HELPDESK)
    with pytest.raises(DomainError) as twice:
        apply(ticket, HELPDESK, Action.AMBIL, at=START)
    assert twice.value.key == "support.sudah_diambil"


def test_draft_problems_are_all_reported() -> None:
    bad = TicketDraft(
        title=" ", application="Word", category="Teknis", subcategory="Pelatihan", description=""
    )
    keys = [p.key for p in draft_problems(bad)]
    assert keys == [
        "support.judul_wajib",
        "support.aplikasi_tidak_valid",
        "support.subkategori_tidak_valid",
        "support.deskripsi_wajib",
    ]
    assert draft_problems(DRAFT) == []
    assert [p.key for p in draft_problems(TicketDraft("a", "SPSE", "Lain", "x", "d"))] == [
        "support.kategori_tidak_valid"
    ]
    assert all("Lainnya" in subs for subs in CATEGORIES.values())


@pytest.mark.parametrize(
    "name",
    [
        "../kronologi.docx",
        "C:\\Users\\cv\\kronologi.docx",
        "a/b.docx",
        ".docx",
        "x\x00.docx",
        " kronologi.docx",
        "C:kronologi.docx",
    ],
)
def test_path_like_names_are_refused(name: str) -> None:
    assert is_path_like(name)
    [problem] = attachment_problems([IncomingFile(name, 3, b"abc")], AttachmentRules())
    assert problem.key == "support.lampiran_nama"


def test_attachment_problems() -> None:
    rules = AttachmentRules(max_bytes=10, max_files=3)
    files = [
        IncomingFile("kronologi.docx", 5, b"12345"),
        IncomingFile("virus.exe", 5, b"12345"),
        IncomingFile("kosong.png", 0, b""),
        IncomingFile("besar.pdf", 11, b"12345678901"),
    ]
    problems = attachment_problems(files, rules)
    assert [(p.key, p.params.get("name")) for p in problems] == [
        ("support.lampiran_terlalu_banyak", None),
        ("support.lampiran_jenis", "virus.exe"),
        ("support.lampiran_kosong", "kosong.png"),
        ("support.lampiran_besar", "besar.pdf"),
    ]
    assert attachment_problems([IncomingFile("A.DOCX", 1, b"x")], rules) == []
    dup = attachment_problems(
        [IncomingFile("a.png", 1, b"x"), IncomingFile("A.png", 1, b"x")], rules
    )
    assert [p.key for p in dup] == ["support.lampiran_ganda"]


def test_every_message_key_of_the_rules_is_in_the_catalog() -> None:
    source = inspect.getsource(tickets)
    keys = set(re.findall(r'"(support\.[a-z_]+)"', source))
    assert keys
    assert keys <= set(CATALOG)


def test_the_form_s_ticket_type_tender_code_and_error_code() -> None:
    good = TicketDraft(
        title="Usul",
        application="SPSE",
        category="Teknis",
        subcategory="Lainnya",
        description="Usulan fitur.",
        lpse="LPSE Kota Surakarta",
        error_code="ERR-500",
        tender_code="10012345",
        ticket_type=TicketType.USULAN.value,
    )
    assert draft_problems(good) == []
    bad = replace(good, ticket_type="Keluhan", tender_code="10-12", error_code="x" * 61)
    assert [p.key for p in draft_problems(bad)] == [
        "support.tipe_tidak_valid",
        "support.kode_tender_tidak_valid",
        "support.kode_error_panjang",
    ]
    ticket, _ = new_ticket(
        "LPSE-3372-2026-000001",
        VENDOR,
        good,
        email="a@b.co.id",
        phone="1",
        company="CV Maju",
        at=START,
    )
    assert (ticket.lpse, ticket.error_code, ticket.tender_code, ticket.ticket_type) == (
        "LPSE Kota Surakarta",
        "ERR-500",
        "10012345",
        "Usulan",
    )
