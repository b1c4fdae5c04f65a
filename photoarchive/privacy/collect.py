"""The collector that format scanners report into; it drops values the app itself wrote (press fields)."""

from __future__ import annotations

from photoarchive.privacy.findings import Finding, FindingKind, Note, excerpt, note_text
from photoarchive.privacy.press import PressFields

# Which press field a scanned field may hold when the app itself wrote it.
PRESS_KEYS = ("caption", "headline", "keywords", "byline", "credit", "copyright", "usage_terms")


class Collector:
    """Gathers findings. With `expected` press fields, a field whose value is exactly what the app writes
    there is not reported (that is how a published copy scans clean)."""

    def __init__(self, expected: PressFields | None = None) -> None:
        self.expected = expected.cleaned() if expected is not None else None
        self.findings: list[Finding] = []
        self._other: dict[str, list[str]] = {}
        self.prefix = ""  # names the image a nested scan reports for ("MPF image 2 ")

    def add(
        self, kind: FindingKind, where: str, tag: str, value: object = "", press: str | None = None
    ) -> None:
        """A value quoted from the file."""
        if press is not None and self._is_press_value(press, value):
            return
        self.findings.append(Finding(kind, self.prefix + where, tag, excerpt(value)))

    def note(self, kind: FindingKind, where: str, tag: str, note: Note, **params: object) -> None:
        """A statement of the scan's own ("12 bytes", "empty GPS directory"), as a code and parameters."""
        texts = {k: str(v) for k, v in params.items()}
        self.findings.append(
            Finding(kind, self.prefix + where, tag, note_text(note, texts), str(note), tuple(texts.items()))
        )

    def other(self, where: str, tag: str) -> None:
        """Harmless-looking but not allowlisted metadata; reported as one finding per container."""
        names = self._other.setdefault(self.prefix + where, [])
        if tag not in names:
            names.append(tag)

    def within(self, prefix: str) -> Collector:
        """A collector reporting into this one, its containers named under `prefix` (an embedded image)."""
        sub = Collector.__new__(Collector)
        sub.expected, sub.findings, sub._other = self.expected, self.findings, self._other
        sub.prefix = f"{self.prefix}{prefix} "
        return sub

    def _is_press_value(self, press: str, value: object) -> bool:
        if self.expected is None:
            return False
        text = value if isinstance(value, str) else excerpt(value, limit=1 << 20)
        if press == "keywords":
            return text in self.expected.keywords
        wanted = getattr(self.expected, press)
        return bool(wanted) and text == wanted

    def result(self) -> list[Finding]:
        out = list(self.findings)
        for where, names in self._other.items():
            params = {"count": str(len(names)), "names": ", ".join(names[:8])}
            note = Note.FIELDS
            if len(names) > 8:
                note, params["more"] = Note.FIELDS_AND_MORE, str(len(names) - 8)
            out.append(
                Finding(
                    FindingKind.OTHER_METADATA,
                    where,
                    f"{len(names)} fields",
                    note_text(note, params),
                    str(note),
                    tuple(params.items()),
                )
            )
        return out
