"""Who may change consent and close cases: the editors. On a desk's own catalog these are `[sets]
approvers` (empty: anyone, as for approving sets); on the shared PostgreSQL catalog members of the
server's `editor` role (the server's triggers refuse anyone else too)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from photoarchive.errors import PhotoarchiveError
from photoarchive.sets.workflow import may_approve

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog


class NotAnEditor(PhotoarchiveError):
    code = "people.not_an_editor"

    def __init__(self, user: str, approvers: Iterable[str], what: str):
        named = ", ".join(a for a in approvers if a.strip()) or "members of the editor role"
        self.params = {"user": user, "editors": named, "what": what}
        super().__init__(f"Only editors ({named}) may {what}; you are {user}.")


def is_editor(catalog: Catalog, actor: str, approvers: Iterable[str]) -> bool:
    if catalog.is_shared:
        return catalog.identity().may_approve
    return may_approve(actor, approvers)


def require_editor(catalog: Catalog, actor: str, approvers: Iterable[str], what: str) -> None:
    names = tuple(approvers)
    if not is_editor(catalog, actor, names):
        raise NotAnEditor(actor, names, what)
