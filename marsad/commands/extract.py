"""``marsad extract``: code one article, or a batch of JSON Lines documents."""

from __future__ import annotations

import json
import sys

from ..document import Document
from ..errors import InputError, MalformedInputError
from ..ingest.validate import decode_bytes, read_text_file
from ..pipeline import Pipeline
from ..settings import Settings
from ..export.event_record import event_record


def register(sub) -> None:
    p = sub.add_parser("extract", help="code the events of an article (a file, - for stdin, or --input)")
    p.add_argument("file", nargs="?", metavar="FILE|-", help="a UTF-8 text file, or - for standard input")
    p.add_argument("--input", metavar="DOCS.jsonl",
                   help='JSON Lines, one {"id","text","title"?,"date"?} per line; one output line each')
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, for relative dates")
    p.add_argument("--format", choices=("json", "jsonl", "table"), default="json",
                   help="json: the whole document; jsonl: one PLOVER event record per line; "
                        "table: a readable summary (default: json)")
    p.add_argument("--setting", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                   help="override a setting (see marsad settings)")
    p.set_defaults(func=run)


def run(args) -> int:
    settings = Settings.from_env().with_values(**dict(args.setting))
    if args.published:
        _check_date(args.published)
    if args.input:
        return _batch(args, settings)
    if not args.file:
        raise InputError("give a FILE, - for standard input, or --input DOCS.jsonl")
    if args.file == "-":
        text = decode_bytes(sys.stdin.buffer.read(), name="<stdin>", max_mb=settings.max_input_mb)
    else:
        text = read_text_file(args.file, max_mb=settings.max_input_mb)
    doc = Pipeline(settings)(Document(text=text, id=args.file, published=args.published))
    _write(doc, args.format)
    return 0


def _check_date(value: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"--published {value!r} is not a YYYY-MM-DD date") from exc


def _batch(args, settings: Settings) -> int:
    pipeline = Pipeline(settings)
    failed = 0
    try:
        handle = open(args.input, "rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=args.input) from exc
    with handle:
        for lineno, raw in enumerate(handle, 1):
            where = f"{args.input}:{lineno}"
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw, name=where, max_mb=settings.max_input_mb)
                try:
                    item = json.loads(line)
                except ValueError as exc:
                    raise MalformedInputError(f"not JSON: {exc}", path=where) from exc
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise MalformedInputError('expected an object with a "text" string', path=where)
                decode_bytes(item["text"].encode("utf-8"), name=where, max_mb=settings.max_input_mb)
                doc = pipeline(Document(text=item["text"], id=str(item.get("id", lineno)),
                                        title=item.get("title"),
                                        published=item.get("date") or args.published))
            except InputError as exc:
                failed += 1
                print(f"marsad: skipped: {exc}", file=sys.stderr)
                continue
            out = {"id": doc.id, "events": [event_record(doc, e) for e in doc.events]}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    if failed:
        print(f"marsad: {failed} document(s) failed; the others were processed", file=sys.stderr)
    return 1 if failed else 0


def _write(doc: Document, fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(doc.to_dict(include_tokens=False), ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        for ev in doc.events:
            print(json.dumps(event_record(doc, ev), ensure_ascii=False))
    else:
        for ev in doc.events:
            def who(xs):
                return "، ".join(f"{a.text} [{a.country or '?'}/{a.sector or '?'}]" for a in xs) or "-"

            place = ev.locations[0].text if ev.locations else "-"
            src = "، ".join(s.text for s in ev.attribution) or "-"
            print(f"{ev.id:4} {ev.type:9} {ev.mode or '-':10} {ev.modality:9} {ev.date or '-':10} "
                  f"{who(ev.actors)} → {who(ev.recipients)} @ {place} | {ev.trigger} | src: {src}")
