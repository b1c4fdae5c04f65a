"""Errors a user can meet while working with sets. Those the rules raise carry a `Notice` (a code with
parameters) that the window translates; `str()` is the English the CLI prints."""

from __future__ import annotations

from collections.abc import Sequence

# The errors the catalog itself raises about sets are defined there (storage imports nothing above it).
from photoarchive.catalog.set_records import SetError, SetNotFound, SetStateError
from photoarchive.sets.notices import Notice

__all__ = ["ApprovalRefused", "NotAnApprover", "SetError", "SetNotFound", "SetStateError"]


class NotAnApprover(SetError):
    """This user may not approve this set: the settings name the editors who may and this user is not
    one, or this user submitted it (four eyes)."""


class ApprovalRefused(SetError):
    """Approval was refused; `refusals` lists every reason, `warnings` what would only have warned."""

    def __init__(self, set_title: str, refusals: Sequence[Notice], warnings: Sequence[Notice] = ()):
        self.set_title = set_title
        self.refusals = list(refusals)
        self.warnings = list(warnings)
        lines = "\n".join(f"  - {r}" for r in self.refusals)
        super().__init__(f"The set «{set_title}» cannot be approved:\n{lines}")

    @property
    def needs_override_reason(self) -> bool:
        """Whether giving an override reason is all that stands between the set and approval."""
        from photoarchive.sets.notices import Code

        return bool(self.refusals) and all(r.code is Code.CASE_NEEDS_REASON for r in self.refusals)
