"""What the consent and case take-down step adds to planning a sync, at archive scale.

Builds a throwaway SQLite catalog with PHOTOS photos in approved sets of 50, PEOPLE people linked to
4 photos each (a tenth of them withdrawn), CASES case numbers (a tenth closed), and times — best of
--rounds — planning from the approved sets as the sync does: desired state + plan (the baseline), and
the same with the take-down facts read from the catalog and `withhold` applied. Run from the root:

    .venv/bin/python benchmarks/takedown.py [--photos 20000] [--people 500] [--cases 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO)]


def build(root: Path, photos: int, people: int, cases: int):
    from sqlalchemy import insert

    from photoarchive.catalog import Catalog
    from photoarchive.catalog.clock import utcnow
    from photoarchive.catalog.people import Consent, ConsentStatus, Use
    from photoarchive.catalog.schema import cases as cases_table
    from photoarchive.catalog.schema import photos as photos_table
    from photoarchive.flickr.plan import ApprovedSet
    from photoarchive.sets.model import PhotoContent, SetContent, Visibility

    catalog = Catalog.open_file(root / "catalog.sqlite")
    now = utcnow()
    rows = [
        {
            "id": i,
            "sha256": f"{i:064x}",
            "original_name": f"IMG_{i:05d}.jpg",
            "archive_path": f"2026/IMG_{i:05d}.jpg",
            "size_bytes": 1,
            "format": "jpeg",
            "width": 10,
            "height": 10,
            "case_number": f"2026-{i % cases:06d}" if i % 3 == 0 else "",
            "sort_time": now,
            "ingested_at": now,
            "updated_at": now,
        }
        for i in range(1, photos + 1)
    ]
    with catalog.engine.begin() as conn:
        conn.execute(insert(photos_table), rows)
        conn.execute(
            insert(cases_table),
            [
                {
                    "case_number": f"2026-{n:06d}",
                    "title": "",
                    "state": "closed" if n % 10 == 0 else "open",
                    "closed_at": now if n % 10 == 0 else None,
                    "closed_by": "",
                    "created_at": now,
                    "updated_at": now,
                }
                for n in range(cases)
            ],
        )
    for p in range(people):
        person = catalog.people.add(f"Person {p}", actor="bench")
        catalog.people.link(person.id, [(p * 4 + k) % photos + 1 for k in range(4)], actor="bench")
        status = ConsentStatus.WITHDRAWN if p % 10 == 0 else ConsentStatus.GIVEN
        catalog.people.set_consent(Consent(person.id, status, frozenset({Use.FLICKR})), actor="bench")
    approved = []
    for set_id, start in enumerate(range(1, photos + 1, 50), start=1):
        content = tuple(
            PhotoContent(
                photo_id=i, sha256=r["sha256"], archive_path=r["archive_path"], case_number=r["case_number"]
            )
            for i, r in ((i, rows[i - 1]) for i in range(start, min(start + 50, photos + 1)))
        )
        approved.append(
            ApprovedSet(
                set_id,
                datetime(2026, 1, 1),
                SetContent(f"Set {set_id}", "", Visibility.PUBLIC, 0, "", (), None, content),
            )
        )
    return catalog, approved


def best(rounds: int, fn) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20000)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from photoarchive.catalog.sync_state import KnownState
    from photoarchive.flickr import takedown
    from photoarchive.flickr.plan import desired_state, plan_sync
    from photoarchive.flickr.sync import _approved_cases

    with tempfile.TemporaryDirectory() as tmp:
        catalog, approved = build(Path(tmp), args.photos, args.people, args.cases)
        known = KnownState()

        def baseline():
            return plan_sync(desired_state(approved, lambda p: "f"), known)

        def with_takedown():
            desired = desired_state(approved, lambda p: "f")
            reasons = takedown.reasons_for(
                catalog, _approved_cases({a.set_id: a for a in approved}), date.today()
            )
            desired, held = takedown.withhold(desired, reasons)
            return plan_sync(desired, known), held

        base_ms, _ = best(args.rounds, baseline)
        full_ms, (_plan, held) = best(args.rounds, with_takedown)
        catalog.close()
    print(f"{args.photos} approved photos, {args.people} people, {args.cases} cases (best of {args.rounds})")
    print(f"  plan without take-down step: {base_ms:8.1f} ms")
    print(
        f"  plan with take-down step:    {full_ms:8.1f} ms  (+{full_ms - base_ms:.1f} ms, {len(held)} withheld)"
    )


if __name__ == "__main__":
    main()
