"""The approval dialog: before a set is approved, what will be published and stripped, photo by photo.

Photos that may be case photos come first, each with one click to decide; then what refuses approval
and what only warns, in words, the photo named by its file name. Everything shown is the core's
`ApprovalCheck` (photoarchive.sets.service): the dialog decides nothing itself. It stays open when
approval is refused (the page calls `show_check` / `refused`), with the reason field ready.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from photoarchive.privacy_state import PrivacyState
from photoarchive.sets.model import LICENCES, Visibility
from photoarchive.sets.notices import Code
from photoarchive.sets.service import ApprovalCheck, PhotoCheck
from photoarchive.ui.privacy_words import describe as describe_finding
from photoarchive.ui.set_words import describe, unchecked_in_words


class ApprovalDialog(QDialog):
    """Shows an `ApprovalCheck`; asks the page to decide case photos and to approve."""

    # photo id, True: it is a case photo / False: it is not.
    caseDecided = Signal(int, bool)
    # photo id, True: its regions are right / False: nothing in it needs hiding.
    redactionReviewed = Signal(int, bool)
    # The override reason typed (may be empty).
    approveRequested = Signal(str)

    def __init__(self, check: ApprovalCheck, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = check
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.case_box = QGroupBox(self.tr("Decide first: may these be case photos?"))
        self.case_box.setObjectName("case_decisions")
        self.case_layout = QVBoxLayout(self.case_box)
        layout.addWidget(self.case_box)

        self.redaction_box = QGroupBox(self.tr("Redaction: has a person looked at these case photos?"))
        self.redaction_box.setObjectName("redaction_reviews")
        self.redaction_layout = QVBoxLayout(self.redaction_box)
        layout.addWidget(self.redaction_box)
        # Photo id -> number of regions marked on it (what the review button offers depends on it).
        self.regions: dict[int, int] = {}

        self.refusals = QLabel()
        self.refusals.setObjectName("approval_refusals")
        self.refusals.setWordWrap(True)
        self.refusals.setStyleSheet("color: #b00020;")
        layout.addWidget(self.refusals)
        self.warnings = QLabel()
        self.warnings.setObjectName("approval_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a5a00;")
        layout.addWidget(self.warnings)

        self.body = QTextBrowser()
        self.body.setObjectName("approval_details")
        layout.addWidget(self.body, 1)

        self.reason_label = QLabel(
            self.tr("Case photos would become public. Give the reason (recorded in the audit log):")
        )
        self.reason_label.setWordWrap(True)
        layout.addWidget(self.reason_label)
        self.reason = QLineEdit()
        self.reason.setObjectName("override_reason")
        layout.addWidget(self.reason)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.approve_button = buttons.addButton(self.tr("Approve"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.approve_button.setObjectName("approve_in_dialog")
        # Approving is asked of the page; the dialog closes only when the approval went through.
        self.approve_button.clicked.connect(self._approve_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 620)
        self.show_check(check)

    # -- what the page calls --------------------------------------------------------------------

    def show_check(self, check: ApprovalCheck, regions: dict[int, int] | None = None) -> None:
        """Show a (new) check: after a case decision, or after approval was refused. `regions`: how many
        redaction regions each photo awaiting a redaction review has."""
        self.check = check
        if regions is not None:
            self.regions = dict(regions)
        content = check.view.content
        self.setWindowTitle(self.tr("Approve «%1»").replace("%1", content.title))
        visibility = {
            Visibility.PUBLIC: self.tr("public"),
            Visibility.FRIENDS: self.tr("friends"),
            Visibility.FAMILY: self.tr("family"),
            Visibility.PRIVATE: self.tr("private"),
        }[content.visibility]
        self.summary.setText(
            self.tr("%n photo(s) will be published to Flickr", "", len(content.photos))
            + " — "
            + self.tr("visibility: %1, licence: %2")
            .replace("%1", visibility)
            .replace("%2", LICENCES.get(content.licence_id, str(content.licence_id)))
        )
        self._fill_case_rows(check.undecided_case_photos)
        self._fill_redaction_rows(check.unreviewed_redactions)
        # Those with a button of their own above are not repeated in the list.
        others = [r for r in check.refusals if r.code not in (Code.CASE_UNDECIDED, Code.REDACTION_UNREVIEWED)]
        if check.blocked is not None:
            others.insert(0, check.blocked)
        self.refusals.setText(
            self.tr("Approval will be refused:") + "\n• " + "\n• ".join(describe(r) for r in others)
            if others
            else ""
        )
        self.refusals.setVisible(bool(others))
        self.warnings.setText(
            self.tr("Approval goes ahead, but note:")
            + "\n• "
            + "\n• ".join(describe(w) for w in check.warnings)
            if check.warnings
            else ""
        )
        self.warnings.setVisible(bool(check.warnings))
        self.body.setHtml(self._html(check))
        self.reason_label.setVisible(check.needs_override)
        self.reason.setVisible(check.needs_override)
        if check.needs_override:
            self.reason.setFocus()
        self._update_button()

    def refused(self, check: ApprovalCheck, regions: dict[int, int] | None = None) -> None:
        """Approval was refused: show why and stay open, the reason field ready when that is what is missing."""
        self.show_check(check, regions)
        if check.needs_override:
            self.reason.setFocus()
            self.reason.selectAll()

    def override_reason(self) -> str:
        return self.reason.text().strip()

    # -- internals ------------------------------------------------------------------------------

    def _approve_clicked(self) -> None:
        self.approve_button.setEnabled(False)
        self.approveRequested.emit(self.override_reason())

    def _update_button(self) -> None:
        """Approve is offered unless something other than a missing override reason refuses (a missing
        reason is said by the core when Approve is pressed, and the dialog stays open for it)."""
        blocking = [r for r in self.check.refusals if r.code is not Code.CASE_NEEDS_REASON]
        self.approve_button.setEnabled(self.check.blocked is None and not blocking)

    @staticmethod
    def _clear(layout: QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # out of the dialog now (findChild), freed later
                widget.deleteLater()

    def _decision_row(self, layout: QVBoxLayout, photo: PhotoCheck, code: Code, buttons: list[QPushButton]) -> None:
        """One photo waiting for a person's decision: the rule's sentence about it, then its buttons."""
        notice = next((r for r in self.check.refusals if r.code is code and r.photo_id == photo.photo_id), None)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(describe(notice) if notice else photo.name)
        label.setWordWrap(True)
        row_layout.addWidget(label, 1)
        for button in buttons:
            row_layout.addWidget(button)
        layout.addWidget(row)

    def _fill_redaction_rows(self, photos: list[PhotoCheck]) -> None:
        self._clear(self.redaction_layout)
        for photo in photos:
            count = self.regions.get(photo.photo_id, 0)
            if count:
                button = QPushButton(self.tr("Its %n region(s) are right", "", count))
                button.setObjectName(f"redaction_confirm_{photo.photo_id}")
            else:
                button = QPushButton(self.tr("Nothing in it needs hiding"))
                button.setObjectName(f"redaction_nothing_{photo.photo_id}")
            button.clicked.connect(
                lambda _c=False, pid=photo.photo_id, has=bool(count): self._review_redaction(pid, has)
            )
            self._decision_row(self.redaction_layout, photo, Code.REDACTION_UNREVIEWED, [button])
        self.redaction_box.setVisible(bool(photos))

    def _review_redaction(self, photo_id: int, has_regions: bool) -> None:
        for button in self.redaction_box.findChildren(QPushButton):
            button.setEnabled(False)
        self.redactionReviewed.emit(photo_id, has_regions)

    def _fill_case_rows(self, photos: list[PhotoCheck]) -> None:
        self._clear(self.case_layout)
        for photo in photos:
            confirm = QPushButton(self.tr("It is a case photo"))
            confirm.setObjectName(f"case_confirm_{photo.photo_id}")
            confirm.clicked.connect(lambda _c=False, pid=photo.photo_id: self._decide(pid, True))
            reject = QPushButton(self.tr("Not a case photo"))
            reject.setObjectName(f"case_reject_{photo.photo_id}")
            reject.clicked.connect(lambda _c=False, pid=photo.photo_id: self._decide(pid, False))
            self._decision_row(self.case_layout, photo, Code.CASE_UNDECIDED, [confirm, reject])
        self.case_box.setVisible(bool(photos))

    def _decide(self, photo_id: int, is_case: bool) -> None:
        for button in self.case_box.findChildren(QPushButton):
            button.setEnabled(False)
        self.caseDecided.emit(photo_id, is_case)

    def _privacy_html(self, photo: PhotoCheck) -> str:
        status = photo.facts.privacy
        if status.state is PrivacyState.UNCHECKED:
            reason = unchecked_in_words([r.value for r in status.reasons], status.detail)
            # tr() outside the f-string: the translation tools do not look inside one.
            heading = self.tr("Could not be checked for personal data:")
            return f"<p style='color:#b00020'><b>{escape(heading)}</b> {escape(reason)}</p>"
        lines = [describe_finding(f) for f in status.findings] or list(status.kinds)
        removed = self.tr("Removed from the file:")
        parts = [f"<p><b>{escape(removed)}</b><br>"]
        parts.append(
            "<br>".join(escape(s) for s in lines) or escape(self.tr("nothing (no personal data found)"))
        )
        parts.append("</p>")
        return "".join(parts)

    def _html(self, check: ApprovalCheck) -> str:
        labels = {
            "headline": self.tr("Headline"),
            "caption": self.tr("Caption"),
            "keywords": self.tr("Keywords"),
            "byline": self.tr("Byline"),
            "credit": self.tr("Credit"),
            "copyright": self.tr("Copyright"),
            "usage_terms": self.tr("Usage terms"),
        }
        published_with = self.tr("Published with:")
        parts = []
        for photo in check.photos:
            parts.append(f"<h3>{escape(photo.name)}</h3><p><b>{escape(published_with)}</b><br>")
            for key, value in photo.press.items():
                text = ", ".join(value) if isinstance(value, list) else str(value)
                if text:
                    parts.append(f"{escape(labels.get(key, key))}: {escape(text)}<br>")
            parts.append("</p>")
            parts.append(self._privacy_html(photo))
        return "".join(parts)
