"""Another desk, as a process of its own on the same shared catalog: the core, driven by JSON lines on
standard input, one answer line per command on standard output. Used by the live-refresh tests.

    python desk.py HOME ACTOR        (the catalog address comes from PHOTOARCHIVE_CATALOG_URL)

Commands: {"op": "ingest", "name": …, "seed": n}, {"op": "edit", "id": …, "fields": {…}},
{"op": "approve", "set": id}, {"op": "edit_set", "set": id, "fields": {…}}, {"op": "add_person",
"name": …}, {"op": "add_rows", "count": n, "first": k}, {"op": "confirm", "id": …,
"category": "media"}, {"op": "quit"}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    from factory import make_photo

    from photoarchive.catalog import Catalog
    from photoarchive.home import Home
    from photoarchive.ingest.pipeline import Ingestor, Outcome, SourceFile
    from photoarchive.sets.service import SetService
    from photoarchive.settings import Settings

    home = Home(Path(sys.argv[1])).ensure()
    actor = sys.argv[2]
    settings = Settings()
    catalog = Catalog.for_home(home)
    drop = home.root.parent / f"drop-{actor}"
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        op = command["op"]
        try:
            if op == "quit":
                break
            if op == "ingest":
                path = drop / command["name"]
                path.parent.mkdir(parents=True, exist_ok=True)
                make_photo(path, seed=int(command.get("seed", 1)))
                result = Ingestor(home, settings, catalog, find_faces=False).ingest(
                    SourceFile.under(path, drop), remove_source=True
                )
                assert result.outcome is Outcome.ARCHIVED, result.describe()
                answer: dict = {"id": result.photo_id}
            elif op == "edit":
                # As a desk's inspector saves: on the version it read.
                record = catalog.photos.get(int(command["id"]))
                assert record is not None
                catalog.photos.update_fields(
                    [record.id], command["fields"], actor=actor, expected_versions={record.id: record.version}
                )
                answer = {"version": record.version + 1}
            elif op == "approve":
                service = SetService.for_home(catalog, home, settings, actor=actor)
                answer = {"state": str(service.approve(int(command["set"])).state)}
            elif op == "confirm":
                from photoarchive.catalog.photos import Category, CategoryState

                catalog.photos.set_category(
                    [int(command["id"])], Category(command["category"]), CategoryState.CONFIRMED, actor=actor
                )
                answer = {"done": True}
            elif op == "add_rows":
                # Catalog rows without files, for views of many photos (the grid needs no original).
                from photoarchive.catalog.photos import NewPhoto

                first = int(command.get("first", 0))
                news = [
                    NewPhoto(
                        sha256=f"{first + i:064x}",
                        original_name=f"RAD_{first + i:05}.jpg",
                        archive_path=f"x/RAD_{first + i:05}.jpg",
                        size_bytes=1,
                        format="jpeg",
                        width=6000,
                        height=4000,
                    )
                    for i in range(int(command["count"]))
                ]
                catalog.photos.add_many(news, actor=actor)
                answer = {"done": len(news)}
            elif op == "add_person":
                from photoarchive.people.service import PeopleService

                people = PeopleService.for_home(catalog, home, settings, actor=actor)
                answer = {"id": people.add(command["name"]).id}
            elif op == "edit_set":
                service = SetService.for_home(catalog, home, settings, actor=actor)
                service.edit(int(command["set"]), **command["fields"])
                answer = {"done": True}
            else:
                answer = {"error": f"unknown command {op}"}
        except Exception as exc:  # noqa: BLE001 — the test reads what went wrong
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(answer, ensure_ascii=False), flush=True)
    catalog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
