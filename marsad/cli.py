"""The ``marsad`` command: thin — parse, validate, call the library.

Each subcommand lives in ``marsad/commands/<name>.py`` and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` to a function of the parsed arguments returning an exit
code. Listing a module in :data:`COMMANDS` is all it takes to add one.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import MarsadError

COMMANDS = (
    "extract",
    "eval",
    "settings",
    "train",
    "ingest",
    "search",
    "export",
    "stats",
    "bench",
    "quality",
    "gazetteer",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad",
        description="Arabic news to PLOVER event data, every field traced to the original text.",
    )
    parser.add_argument("--version", action="version", version="marsad 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"marsad.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except MarsadError as exc:
        print(f"marsad: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
