"""Wall and CPU seconds per stage of one file's ingest, for the benchmark's per-stage figures."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class StageTimes:
    """Seconds per named stage: ``wall`` as the clock runs, ``cpu`` of the thread that did the work (a
    machine that others share inflates the first, not the second)."""

    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - wall, time.thread_time() - cpu)

    def add(self, name: str, wall: float, cpu: float) -> None:
        """Count ``wall`` and ``cpu`` seconds to ``name`` (work done on another thread reports its own)."""
        self.wall[name] = self.wall.get(name, 0.0) + wall
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu

    def merge(self, other: StageTimes, prefix: str = "") -> None:
        for name, wall in other.wall.items():
            self.add(prefix + name, wall, other.cpu.get(name, 0.0))
