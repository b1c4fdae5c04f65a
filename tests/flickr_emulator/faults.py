"""Fault injection: make chosen calls fail the ways the real Flickr (and the network) fail.

Kinds:

``http429``
    HTTP 429 Too Many Requests with ``Retry-After`` (seconds); nothing is applied.
``http500`` / ``http502`` / ``http503``
    That HTTP status with a short HTML body; nothing is applied.
``error105`` / ``error106`` / ``error201``
    Flickr's ``<rsp stat="fail">`` with that code (Service currently unavailable / Write operation
    failed / 201, the transient "try again" error); nothing is applied.
``error``
    Any Flickr error: pass ``code=`` and optionally ``message=``; nothing is applied.
``slow``
    Sleeps ``delay`` seconds (``phase="before"`` processing, or ``"after"`` it, i.e. after the
    write is committed), then answers normally. A client timeout during an ``after`` delay is the
    ambiguous "did it happen?" case.
``drop``
    Closes the connection without processing the request and without answering.
``commit_then_drop``
    Applies the request (upload stored, album changed …) and then closes the connection without a
    response: the client sees a connection error although the write happened.

``chaos``
    Each firing picks one of ``choices`` at random (default :data:`CHAOS_KINDS`), from the rule's own
    seeded generator: ``faults.chaos(probability=0.2, seed=7)`` is the one-liner for "random faults".

Rules match on the call name: a REST method (``flickr.photosets.addPhoto``), ``upload``, ``replace``,
``oauth.request_token`` / ``oauth.access_token``, ``*`` (everything) or an ``fnmatch`` pattern
(``flickr.photosets.*``). ``params={"photo_id": "…"}`` narrows a rule to calls carrying those values.
"""

from __future__ import annotations

import fnmatch
import random
import threading
from dataclasses import dataclass, field

KINDS = (
    "http429",
    "http500",
    "http502",
    "http503",
    "error105",
    "error106",
    "error201",
    "error",
    "slow",
    "drop",
    "commit_then_drop",
    "chaos",
)

# What ``chaos`` picks from by default: every way a call can fail, ambiguous ones included.
CHAOS_KINDS = (
    "http429",
    "http500",
    "http503",
    "error105",
    "error106",
    "error201",
    "slow",
    "drop",
    "commit_then_drop",
)

ERROR_MESSAGES = {
    105: "Service currently unavailable",
    106: "Write operation failed",
    201: "Sorry, the Flickr API service is not currently available.",
}


@dataclass
class FaultRule:
    method: str
    kind: str
    times: int | None = None
    probability: float | None = None
    after: int = 0
    delay: float = 1.0
    phase: str = "before"
    retry_after: int = 1
    code: int | None = None
    message: str | None = None
    params: dict[str, str] | None = None
    seed: int | None = None
    choices: tuple[str, ...] = ()
    matched: int = 0
    fired: int = 0
    _rng: random.Random = field(default_factory=random.Random, repr=False)

    def applies_to(self, call_name: str, params: dict[str, str]) -> bool:
        if (
            self.method != "*"
            and self.method != call_name
            and not fnmatch.fnmatchcase(call_name, self.method)
        ):
            return False
        if self.params:
            return all(params.get(k) == str(v) for k, v in self.params.items())
        return True

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.fired >= self.times


@dataclass(frozen=True)
class FiredFault:
    """A rule that fired for one call, with the kind it resolved to (``chaos`` picks one)."""

    rule: FaultRule
    kind: str

    @property
    def delay(self) -> float:
        return self.rule.delay

    @property
    def phase(self) -> str:
        return self.rule.phase

    @property
    def retry_after(self) -> int:
        return self.rule.retry_after

    def error_code(self) -> int:
        if self.kind == "error":
            assert self.rule.code is not None
            return self.rule.code
        return int(self.kind.removeprefix("error"))

    def error_message(self) -> str:
        if self.rule.message and self.kind == self.rule.kind:
            return self.rule.message
        return ERROR_MESSAGES.get(self.error_code(), "Injected error")


class FaultInjector:
    """The emulator's fault rules; ``emulator.faults``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.rules: list[FaultRule] = []

    def inject(
        self,
        method: str = "*",
        kind: str = "http503",
        *,
        times: int | None = None,
        probability: float | None = None,
        after: int = 0,
        seed: int | None = None,
        delay: float = 1.0,
        phase: str = "before",
        retry_after: int = 1,
        code: int | None = None,
        message: str | None = None,
        params: dict[str, str] | None = None,
        choices: tuple[str, ...] = CHAOS_KINDS,
    ) -> FaultRule:
        """Add a rule. Without ``times`` and ``probability`` it fires once.

        ``after``: let that many matching calls through first. ``probability``: fire on each matching
        call with that chance (from a ``random.Random(seed)`` of its own), up to ``times`` if given.
        """
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(KINDS)}")
        if kind == "chaos" and not set(choices) <= set(KINDS) - {"chaos", "error"}:
            raise ValueError(f"chaos choices must be among {CHAOS_KINDS + ('http502',)}")
        if kind == "error" and code is None:
            raise ValueError("kind='error' needs code=")
        if phase not in ("before", "after"):
            raise ValueError("phase must be 'before' or 'after'")
        if times is None and probability is None:
            times = 1
        rule = FaultRule(
            method=method,
            kind=kind,
            times=times,
            probability=probability,
            after=after,
            delay=delay,
            phase=phase,
            retry_after=retry_after,
            code=code,
            message=message,
            params=dict(params) if params else None,
            seed=seed,
            choices=tuple(choices) if kind == "chaos" else (),
            _rng=random.Random(seed),
        )
        with self._lock:
            self.rules.append(rule)
        return rule

    def chaos(
        self,
        probability: float,
        *,
        seed: int | None = None,
        method: str = "*",
        kinds: tuple[str, ...] = CHAOS_KINDS,
        delay: float = 0.2,
        phase: str = "after",
        retry_after: int = 0,
        times: int | None = None,
    ) -> FaultRule:
        """Random faults of the given kinds on a share of the matching calls (reproducible with ``seed``)."""
        return self.inject(
            method,
            "chaos",
            probability=probability,
            seed=seed,
            delay=delay,
            phase=phase,
            retry_after=retry_after,
            times=times,
            choices=kinds,
        )

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()

    def remove(self, rule: FaultRule) -> None:
        with self._lock:
            if rule in self.rules:
                self.rules.remove(rule)

    def pick(self, call_name: str, params: dict[str, str]) -> FiredFault | None:
        """The first rule that fires for this call (counting it), or None."""
        with self._lock:
            for rule in self.rules:
                if rule.exhausted or not rule.applies_to(call_name, params):
                    continue
                rule.matched += 1
                if rule.matched <= rule.after:
                    continue
                if rule.probability is not None and rule._rng.random() >= rule.probability:
                    continue
                rule.fired += 1
                kind = rule._rng.choice(rule.choices) if rule.kind == "chaos" else rule.kind
                return FiredFault(rule, kind)
        return None

    @property
    def fired_total(self) -> int:
        with self._lock:
            return sum(rule.fired for rule in self.rules)
