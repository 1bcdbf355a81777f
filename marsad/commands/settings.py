"""``marsad settings``: every setting with its default and help."""

from __future__ import annotations

from ..settings import Settings


def register(sub) -> None:
    p = sub.add_parser("settings", help="list the settings with their defaults and help")
    p.set_defaults(func=run)


def run(args) -> int:
    for name, default, help_text in Settings.describe():
        if isinstance(default, tuple):
            default = ",".join(default)
        print(f"{name:16} {str(default):48} {help_text}")
        print(f"{'':16} (environment: MARSAD_{name.upper()})")
    return 0
