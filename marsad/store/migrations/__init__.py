"""Versioned schema migrations.

Each migration is a module ``mNNNN_<name>.py`` holding the SQL for each dialect (``SQLITE``,
``POSTGRES``). The store records every applied version in ``marsad_migrations`` and applies the
missing ones in order, each in its own transaction, when it opens a database. A database
written by a newer marsad (a version this code does not know) is refused with M300 rather than
misread.
"""

from __future__ import annotations

import importlib
import pkgutil


def migrations() -> list[tuple[int, str, dict[str, str]]]:
    """``(version, name, {dialect: sql})`` for every migration, in order."""
    out = []
    for info in pkgutil.iter_modules(__path__):
        if not (info.name.startswith("m") and info.name[1:5].isdigit()):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        out.append((int(info.name[1:5]), info.name[6:], {"sqlite": module.SQLITE, "postgres": module.POSTGRES}))
    return sorted(out)


LATEST = max(v for v, _, _ in migrations())
