"""Three privacy states, never two: clean, personal data found, could not be checked (with the reason)."""

from __future__ import annotations

import factory

from photoarchive.privacy_state import PrivacyState, UncheckedReason, check_original, decide


def test_recorded_kinds_decide_without_a_scan():
    assert decide([]).state is PrivacyState.CLEAN
    found = decide(["serial", "gps"])
    assert (found.state, found.kinds, found.publishable) == (PrivacyState.FOUND, ("gps", "serial"), True)
    failed = decide(["unreadable_metadata"])
    assert (failed.state, failed.reasons, failed.publishable) == (
        PrivacyState.UNCHECKED,
        (UncheckedReason.UNREADABLE_AT_INGEST,),
        False,
    )
    assert failed.kinds == ()  # "unreadable" is not a kind of personal data found


def test_a_scan_made_now_replaces_the_recorded_kinds_but_not_a_recorded_failure(tmp_path):
    photo = factory.make_photo(tmp_path / "Pressebilde.jpg", gps=True, serial=True)
    now = check_original(photo, recorded_kinds=[])
    assert now.state is PrivacyState.FOUND and {"gps", "serial"} <= set(now.kinds)
    assert {f.kind.value for f in now.findings} == set(now.kinds)  # the findings, for words with values
    clean = factory.make_photo(tmp_path / "Ren.jpg", exif=False)
    assert check_original(clean, recorded_kinds=["gps"]).state is PrivacyState.CLEAN
    # The same bytes defeated the scanner at ingest: a "nothing found" now does not make it clean.
    assert check_original(clean, recorded_kinds=["unreadable_metadata"]).state is PrivacyState.UNCHECKED


def test_a_scan_that_fails_now_or_a_missing_original_is_unchecked_with_the_reason(tmp_path):
    photo = factory.truncate(factory.make_photo(tmp_path / "Ødelagt.jpg", gps=True), 0.3)
    failed = check_original(photo, recorded_kinds=["gps"])
    assert failed.state is PrivacyState.UNCHECKED and failed.reasons == (UncheckedReason.SCAN_FAILED,)
    assert "truncated" in failed.detail and str(tmp_path) not in failed.detail
    missing = check_original(tmp_path / "borte.jpg", recorded_kinds=[])
    assert missing.reasons == (UncheckedReason.ORIGINAL_MISSING,) and not missing.publishable
