"""Per-client token buckets: each client may send ``burst`` requests at once and
``rate`` per second after that.

The buckets live in the process, so with N workers or instances a client gets up to N
times the rate: the limit protects the database from one busy page, not a determined
attacker (put a rate-limiting CDN or load balancer in front for that). Memory is
bounded: past ``max_clients`` keys, full buckets (idle clients) are forgotten.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["TokenBuckets"]


class TokenBuckets:
    """Token buckets by client key."""

    def __init__(
        self,
        *,
        rate: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        self._rate, self._burst, self._clock = rate, float(burst), clock
        self._max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}  # key → (tokens, when)
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Take a token for *key*: 0 when granted, else seconds until one is due."""
        now = self._clock()
        with self._lock:
            tokens, when = self._buckets.get(key, (self._burst, now))
            tokens = min(self._burst, tokens + (now - when) * self._rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return (1 - tokens) / self._rate
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > self._max_clients:
                self._forget_idle(now)
            return 0.0

    def _forget_idle(self, now: float) -> None:
        full = [
            key
            for key, (tokens, when) in self._buckets.items()
            if tokens + (now - when) * self._rate >= self._burst
        ]
        for key in full:
            del self._buckets[key]
