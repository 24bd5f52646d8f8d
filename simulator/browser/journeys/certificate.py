"""Getting an electronic certificate embedded in SpamKodok 2: the vendor's AMS request, the
LPSE verifikator's review (the vendor's visit with the originals, approve or reject), and the
embedding of the certificate BSrE issued."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from simulator.browser.journeys import JourneyError
from simulator.browser.journeys.session import log_in_if_asked, open_logged_in
from simulator.browser.pages.certificate import AmsPage, RequestQueuePage, RequestReviewPage
from simulator.browser.pages.dashboard import DashboardPage
from simulator.testdata.factory import StaffData

# What the verifikator records of a vendor's visit, walked or arranged alike (one home): the
# director comes, in this capacity, with every original the form lists.
VISIT_POSITION = "Direktur"


def register_ams(
    page: Page,
    spse_url: str,
    user_id: str,
    password: str,
    letter: Path | None,
    *,
    statement: Path | None = None,
    non_penyedia: bool = False,
) -> list[str]:
    """Log in (inside SpamKodok), follow the red AMS link, upload the recommendation documents
    (a vendor's request then waits for the LPSE; a Non Penyedia's certificate is embedded at
    once). Returns the messages shown; JourneyError when the link is missing or SPSE refuses.
    The user stays logged in."""
    dashboard = DashboardPage(page, spse_url)
    dashboard.goto()
    # Logged in, SPSE lands on the home page.
    log_in_if_asked(page, spse_url, user_id, password, non_penyedia=non_penyedia)
    if not dashboard.ams_link.is_visible():
        raise JourneyError(f"no red AMS link on the home page of {user_id}")
    dashboard.follow_ams_link()
    ams = AmsPage(page, spse_url)
    messages = ams.submit(letter, statement)
    if ams.alerts.count():
        raise JourneyError(f"AMS registration refused: {messages}")
    return messages


def review_request(
    page: Page,
    spse_url: str,
    verifikator: StaffData,
    vendor_id: str,
    *,
    attendee: str | None,
    reason: str = "",
) -> list[str]:
    """The verifikator opens the vendor's request; with ``attendee`` records the visit (the
    director with every original), then approves, or rejects with ``reason`` when one is
    given. Returns SPSE's messages; JourneyError when SPSE refuses. The verifikator stays
    logged in at the LPSE's desk."""
    queue = RequestQueuePage(page, spse_url)
    open_logged_in(
        page, spse_url, queue.goto, verifikator.user_id, verifikator.password, non_penyedia=True
    )
    queue.open_request(vendor_id)
    review = RequestReviewPage(page, spse_url)
    messages: list[str] = []
    if attendee is not None:
        review.record_visit(attendee, VISIT_POSITION)
        _refused(review, "visit")
        messages += review.status_texts()
    if reason:
        review.reject(reason)
    else:
        review.approve()
    _refused(review, "review")
    return messages + review.status_texts()


def _refused(review: RequestReviewPage, what: str) -> None:
    problems = review.alert_texts()
    if problems:
        raise JourneyError(f"{what} refused: {problems}")


def embed_issued(page: Page, spse_url: str) -> list[str]:
    """The vendor (logged in, inside SpamKodok) embeds the certificate BSrE issued from the
    AMS page; the messages shown."""
    ams = AmsPage(page, spse_url)
    ams.goto()
    messages = ams.embed()
    if ams.page.locator("#hasil-ams[role=alert]").count():
        raise JourneyError(f"embedding refused: {messages}")
    return messages
