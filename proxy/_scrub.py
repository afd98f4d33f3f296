"""Keep the secrets a request carried out of the answer that streams back to the page.

An upstream may echo what it was sent (a debugging endpoint, an error that quotes the
bad key): every form of each value the request carried becomes ``***`` in the
answer's header values and body before it leaves the proxy. The body is scrubbed as
it streams, so a value cut between two chunks is caught too; to allow that, only the
end of a chunk that could begin a value is held back until the next chunk, so a
server-sent event (which ends in a blank line) passes at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["MASK", "Scrubber"]

MASK = b"***"


class Scrubber:
    """Replaces *hidden* (byte strings) in one answer's parts; where two overlap, the
    longer wins, so a short value inside a long one never unmasks the rest of it."""

    def __init__(self, hidden: Sequence[bytes]) -> None:
        ordered = sorted(hidden, key=len, reverse=True)
        self._hidden = ordered
        self._pattern = re.compile(b"|".join(re.escape(value) for value in ordered))
        self._held = b""

    def header(self, value: bytes) -> bytes:
        """A header value, scrubbed."""
        return self._pattern.sub(MASK, value) if self._hidden else value

    def feed(self, chunk: bytes) -> bytes:
        """What of the body so far may leave now, scrubbed: all of it but the end that
        could begin a value the next chunk completes."""
        if not self._hidden:
            return chunk
        data = self._held + chunk
        cut = len(data) - self._partial(data)
        out, done = [], 0
        for match in self._pattern.finditer(data):
            if match.start() >= cut:
                break  # it may yet be the start of a longer value
            out += [data[done : match.start()], MASK]
            done = match.end()
        cut = max(cut, done)
        out.append(data[done:cut])
        self._held = data[cut:]
        return b"".join(out)

    def end(self) -> bytes:
        """The rest, scrubbed, once the body is over."""
        held, self._held = self._held, b""
        return self.header(held)

    def _partial(self, data: bytes) -> int:
        """The length of the longest end of *data* that begins some value."""
        longest = 0
        for value in self._hidden:
            for size in range(min(len(value) - 1, len(data)), longest, -1):
                if data.endswith(value[:size]):
                    longest = size
                    break
        return longest
