"""Rate limits kept in the process: per-client token buckets for every request
(:class:`TokenBuckets`: ``burst`` requests at once and ``rate`` per second after that),
and a count of failed logins per client and user name (:class:`FailedLogins`; a
wrong current password at a password change is one too). Registrations are counted
per client by another :class:`FailedLogins` whose tries are never taken back: each
may write a user, and each tells whether an email or user name is taken.

They live in the process, so with N workers or instances a client gets up to N
times the rate and N times the failed logins: the limits protect the database from
one busy page and slow a guesser down, but put a rate-limiting CDN or load balancer in
front against a determined attacker. Memory is bounded: past ``max_clients`` keys,
idle ones are forgotten.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Hashable

__all__ = ["FailedLogins", "TokenBuckets"]


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


class FailedLogins:
    """Failed logins by key, the client's address and the user name it tried: past
    *limit* failures within *window* seconds, that client may not try that name again
    until the oldest of them is *window* old.

    Keyed by both, so a guesser cannot lock a user out from elsewhere and a success
    (which clears only its own key) does not let another client guess again sooner.
    :meth:`attempt` counts a login as failed before its password is checked, and
    :meth:`succeeded` takes that back: so many guesses sent at once cannot all pass
    the check while bcrypt runs, and a right password sent while blocked is refused
    like a wrong one, telling the guesser nothing.
    """

    def __init__(
        self,
        *,
        limit: int = 5,
        window: float = 15 * 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 100_000,
    ) -> None:
        self._limit, self._window, self._clock = limit, window, clock
        self._max_clients = max_clients
        self._failures: dict[Hashable, deque[float]] = {}  # key → when, oldest first
        self._lock = threading.Lock()

    def attempt(self, key: Hashable) -> float:
        """0 when *key* may try now (the try counts as failed until :meth:`succeeded`
        says otherwise), else the seconds until it may."""
        now = self._clock()
        with self._lock:
            failures = self._failures.pop(key, None) or deque(maxlen=self._limit)
            while failures and failures[0] <= now - self._window:
                failures.popleft()
            self._failures[key] = failures  # the newest last, so the oldest go first
            if len(failures) >= self._limit:
                return failures[0] + self._window - now
            failures.append(now)
            if len(self._failures) > self._max_clients:
                self._forget(now)
            return 0.0

    def succeeded(self, key: Hashable) -> None:
        """Forget *key*'s failures: whoever knows the password need not guess it."""
        with self._lock:
            self._failures.pop(key, None)

    def _forget(self, now: float) -> None:
        for key in [k for k, f in self._failures.items() if not f or f[-1] <= now - self._window]:
            del self._failures[key]
        while len(self._failures) > self._max_clients:  # all recent: the least recent go
            del self._failures[next(iter(self._failures))]
