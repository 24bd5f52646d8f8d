"""fake_spse.domain.ams_review: the LPSE verifikator's review of certificate requests."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from factories import START

from fake_spse.domain import ams_review
from fake_spse.domain.accounts import Account, AccountStatus, Role
from fake_spse.domain.certificates import AmsRequest
from fake_spse.domain.errors import DomainError, Forbidden, FormProblems
from spse_shared.english import TEXTS

LATER = START + timedelta(hours=3)


def person(user_id: str, role: Role) -> Account:
    return Account(
        user_id=user_id,
        role=role,
        name=f"Nama {user_id}",
        email=f"{user_id}@contoh.co.id",
        password_hash="-",
        status=AccountStatus.AKTIF,
        created_at=START,
    )


VENDOR = person("cvmaju", Role.PENYEDIA)
OTHER = person("cvlain", Role.PENYEDIA)
CHECKER = person("verif1", Role.VERIFIKATOR)
POKJA = person("pokja1", Role.POKJA)


def waiting(**changes: object) -> AmsRequest:
    request = AmsRequest(
        request_id=7,
        user_id="cvmaju",
        letter_name="SIUP.pdf",
        letter_blob="a",
        letter_size=3,
        submitted_at=START,
        status=ams_review.STATUS_WAITING,
        serial=None,
        problem=None,
        statement_name="Surat Keterangan.pdf",
        statement_blob="b",
        statement_size=3,
        csr_pem="csr",
        in_person=True,
    )
    return replace(request, **changes)  # type: ignore[arg-type]


def visited(request: AmsRequest | None = None) -> AmsRequest:
    return ams_review.record_attendance(
        request or waiting(),
        CHECKER,
        attendee="Budi Santoso",
        position="Direktur",
        originals=["surat_keterangan", "izin_usaha"],
        now=LATER,
    )


def test_only_vendor_requests_are_reviewed() -> None:
    assert ams_review.needs_review(VENDOR)
    assert not ams_review.needs_review(POKJA)


@pytest.mark.parametrize(
    ("setting", "chosen", "expected"),
    [
        ("wajib", False, True),
        ("pilihan", True, True),
        ("pilihan", False, False),
        ("tidak", True, False),
    ],
)
def test_an_upgrade_goes_to_review_per_profile_and_choice(
    setting: ams_review.InPerson, chosen: bool, expected: bool
) -> None:
    assert ams_review.upgrade_goes_to_review(setting, chosen) is expected


def test_a_new_request_waits_while_one_is_open_and_is_allowed_after_a_rejection() -> None:
    assert ams_review.request_problem([]) is None
    problem = ams_review.request_problem([waiting()])
    assert problem is not None
    assert problem.key == "ams.permintaan_menunggu"
    rejected = ams_review.reject(waiting(), CHECKER, reason="SIUP buram", now=LATER)
    assert ams_review.request_problem([rejected]) is None


def test_the_visit_is_recorded_on_the_clock_with_the_originals_in_catalog_order() -> None:
    request = visited()
    assert request.attended_at == LATER
    assert request.attended_by == "verif1"
    assert request.originals == ("izin_usaha", "surat_keterangan")
    assert (request.attendee, request.attendee_position) == ("Budi Santoso", "Direktur")
    assert request.status == ams_review.STATUS_WAITING


def test_a_visit_without_a_name_or_originals_is_refused_with_every_problem() -> None:
    with pytest.raises(FormProblems) as caught:
        ams_review.record_attendance(
            waiting(), CHECKER, attendee=" ", position="", originals=["paspor"], now=LATER
        )
    assert [p.key for p in caught.value.problems] == [
        "ams.hadir_nama_wajib",
        "ams.hadir_asli_wajib",
    ]


@pytest.mark.parametrize("actor", [VENDOR, POKJA])
def test_only_the_verifikator_reviews(actor: Account) -> None:
    with pytest.raises(Forbidden):
        ams_review.approve(visited(), actor, now=LATER)
    with pytest.raises(Forbidden):
        ams_review.reject(waiting(), actor, reason="x", now=LATER)
    with pytest.raises(Forbidden):
        ams_review.record_attendance(
            waiting(), actor, attendee="a", position="", originals=["identitas"], now=LATER
        )


def test_approval_needs_the_visit_when_in_person_is_required() -> None:
    with pytest.raises(DomainError) as caught:
        ams_review.approve(waiting(), CHECKER, now=LATER)
    assert caught.value.key == "ams.belum_hadir"
    only_id = ams_review.record_attendance(
        waiting(), CHECKER, attendee="Budi", position="", originals=["identitas"], now=LATER
    )
    with pytest.raises(DomainError) as caught:
        ams_review.approve(only_id, CHECKER, now=LATER)
    assert caught.value.key == "ams.asli_kurang"
    approved = ams_review.approve(visited(), CHECKER, now=LATER)
    assert approved.status == ams_review.STATUS_APPROVED
    assert (approved.decided_by, approved.decided_at) == ("verif1", LATER)


def test_without_the_in_person_step_the_verifikator_approves_at_once() -> None:
    approved = ams_review.approve(waiting(in_person=False), CHECKER, now=LATER)
    assert approved.status == ams_review.STATUS_APPROVED


def test_issue_then_embed_by_the_owner_only() -> None:
    approved = ams_review.approve(visited(), CHECKER, now=LATER)
    # BSrE unreachable: approving again is a retry, not an error.
    assert ams_review.approve(approved, CHECKER, now=LATER) == approved
    issued = ams_review.issued(approved, "1234")
    assert (issued.status, issued.serial) == (ams_review.STATUS_ISSUED, "1234")
    assert ams_review.handover_available(issued)
    with pytest.raises(Forbidden):
        ams_review.embedded(issued, OTHER, now=LATER)
    done = ams_review.embedded(issued, VENDOR, now=LATER)
    assert done.status == ams_review.STATUS_EMBEDDED
    assert done.embedded_at == LATER
    assert ams_review.embedded(done, VENDOR, now=LATER + timedelta(days=1)) == done
    with pytest.raises(DomainError) as caught:
        ams_review.reject(done, CHECKER, reason="terlambat", now=LATER)
    assert caught.value.key == "ams.bukan_menunggu"


def test_a_waiting_request_cannot_be_embedded_or_handed_over() -> None:
    with pytest.raises(DomainError) as caught:
        ams_review.embedded(waiting(), VENDOR, now=LATER)
    assert caught.value.key == "ams.belum_terbit"
    assert not ams_review.handover_available(waiting())


@pytest.mark.parametrize(
    ("reason", "key"), [("  ", "ams.alasan_wajib"), ("x" * 501, "ams.alasan_panjang")]
)
def test_a_rejection_needs_a_reason(reason: str, key: str) -> None:
    with pytest.raises(DomainError) as caught:
        ams_review.reject(waiting(), CHECKER, reason=reason, now=LATER)
    assert caught.value.key == key


def test_a_rejection_keeps_the_reason_for_the_vendor_and_ends_the_request() -> None:
    rejected = ams_review.reject(waiting(), CHECKER, reason=" SIUP buram ", now=LATER)
    assert (rejected.status, rejected.reason) == (ams_review.STATUS_REJECTED, "SIUP buram")
    with pytest.raises(DomainError):
        ams_review.approve(rejected, CHECKER, now=LATER)
    with pytest.raises(DomainError):
        visited(rejected)


def test_only_the_vendor_and_the_verifikator_see_a_request() -> None:
    ams_review.require_owner_or_verifier(waiting(), VENDOR)
    ams_review.require_owner_or_verifier(waiting(), CHECKER)
    with pytest.raises(Forbidden):
        ams_review.require_owner_or_verifier(waiting(), OTHER)


def test_the_handover_names_the_visit_the_originals_and_the_certificate() -> None:
    issued = ams_review.issued(ams_review.approve(visited(), CHECKER, now=LATER), "99")
    title, lines = ams_review.handover_lines(
        issued,
        replace(VENDOR, company="CV Maju", director="Budi Santoso"),
        lpse_name="LPSE Kota Surakarta",
        verifier_name="Sri",
        subject="CN=Budi Santoso",
        valid_until="02 Maret 2028",
        attended_at="02 Maret 2026 11:00",
        decided_at="02 Maret 2026 11:00",
    )
    text = "\n".join(lines)
    assert title.startswith("BERITA ACARA SERAH TERIMA")
    assert "Budi Santoso (Direktur) pada 02 Maret 2026 11:00" in text
    assert "Asli TDP/SIUP/SIUJK" in text
    assert "nomor seri 99" in text
    with pytest.raises(DomainError):
        ams_review.handover_lines(
            waiting(),
            VENDOR,
            lpse_name="x",
            verifier_name="x",
            subject="x",
            valid_until="x",
            attended_at="x",
            decided_at="x",
        )


def test_every_state_and_original_the_pages_name_has_its_english() -> None:
    labels = [*ams_review.STATUS_LABELS.values(), *ams_review.ORIGINALS.values()]
    assert [t for t in labels if t not in TEXTS] == []
