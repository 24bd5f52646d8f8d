"""What every journey records of its offers: the upload's messages and receipt, the rows the
pokja sees at the opening."""

from __future__ import annotations

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.offer import UploadOutcome
from simulator.browser.pages.opening import OpeningRow
from simulator.harness.chronology import StepHandle
from spse_shared.language import tr


def note_receipt(step: StepHandle, outcome: UploadOutcome, what: str) -> None:
    """Note the messages SPSE showed and the receipt of the accepted upload ``what``;
    JourneyError when SPSE did not accept it."""
    step.note(" ".join(outcome.messages))
    if not outcome.accepted or outcome.receipt is None:
        raise JourneyError(f"{what} not accepted: {outcome.messages}")
    step.note(
        tr(
            "tanda terima {time}, {size}, sha256 {sha256}",
            time=outcome.receipt.received_at,
            size=outcome.receipt.size,
            sha256=outcome.receipt.sha256,
        )
    )


def note_opened_rows(step: StepHandle, rows: list[OpeningRow]) -> None:
    """Note each offer the opening shows: vendor, status, signer and price."""
    for row in rows:
        step.note(
            tr(
                "{vendor}: {status} ({signer}), harga {price}",
                vendor=row.vendor,
                status=row.status,
                signer=row.signer,
                price=row.price,
            )
        )
