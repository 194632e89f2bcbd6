"""Package entry points imported on first use, so importing a package stays light.

`factcheck --help` must not load spaCy or the stores; a package's `__init__` names its
public entry points with `lazy_exports` and each is imported when first asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` that finds `name` in the submodule `exports[name]` (relative to `package`)."""

    def __getattr__(name: str) -> object:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{exports[name]}"), name)

    return __getattr__
