"""A small least-recently-used cache for the checking pipeline.

Checking a claim parses a few candidate sentences and reads a few articles'
passages; the next claim often needs the same ones again. One bounded cache
class serves those places, so each keeps only its key and its size.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LruCache(Generic[K, V]):
    """At most `size` values; the least recently used one goes first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[K, V] = OrderedDict()

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The cached value for `key`, made (and remembered) on a miss."""
        if key in self._values:
            self._values.move_to_end(key)
            return self._values[key]
        value = make()
        self._values[key] = value
        if len(self._values) > self.size:
            self._values.popitem(last=False)
        return value
