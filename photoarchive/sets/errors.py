"""Errors a user can meet while working with sets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from photoarchive.errors import PhotoarchiveError

if TYPE_CHECKING:
    from photoarchive.sets.workflow import Refusal


class SetError(PhotoarchiveError):
    """A set operation cannot be done (the message says why)."""


class SetNotFound(SetError):
    """No set has that id or exact title."""


class SetStateError(SetError):
    """The step does not fit where the set is in its life (e.g. approving a draft)."""


class NotAnApprover(SetError):
    """The settings name who may approve sets, and this user is not one of them."""


class ApprovalRefused(SetError):
    """Approval was refused; `refusals` lists every reason."""

    def __init__(self, set_title: str, refusals: list[Refusal]):
        self.refusals = refusals
        lines = "\n".join(f"  - {r}" for r in refusals)
        super().__init__(f"The set «{set_title}» cannot be approved:\n{lines}")
