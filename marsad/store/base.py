"""One store interface over SQLite (the embedded default) and PostgreSQL.

The two differ only in connection, placeholders, identity columns and the search index (FTS5
tables beside the data in SQLite, ``tsvector`` columns in PostgreSQL); everything else is the same
SQL. Articles are identified by URL and by content hash: :meth:`Store.write_batch` stores a batch
in one transaction and skips whatever is already there, so an interrupted run leaves either a
whole batch or nothing, and running again stores exactly what is missing.
"""

from __future__ import annotations

import datetime as dt
import json
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..document import Document, event_to_dict
from ..errors import StoreError
from ..text.normalize import normalize_string
from . import dedup
from .migrations import LATEST, migrations
from .terms import fts5_query, index_terms, index_terms_of_views, query_terms, tsquery


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Filters:
    """What search and export select: PLOVER type, actor or recipient country (ISO3), place
    name (any spelling), and a date range (inclusive, YYYY-MM-DD)."""

    type: str | None = None
    country: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def event_sql(self, alias: str = "e") -> tuple[str, list[Any]]:
        where, params = [], []
        if self.type:
            where.append(f"{alias}.type = ?")
            params.append(self.type.upper())
        if self.country:
            where.append(
                f"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = {alias}.id AND x.country = ?)"
            )
            params.append(self.country.upper())
        if self.place:
            where.append(f"{alias}.place_norm LIKE ?")
            params.append("%" + normalize_string(self.place).strip() + "%")
        date = f"COALESCE({alias}.date, (SELECT a2.published FROM articles a2 WHERE a2.id = {alias}.article_id))"
        if self.date_from:
            where.append(f"{date} >= ?")
            params.append(self.date_from)
        if self.date_to:
            where.append(f"{date} <= ?")
            params.append(self.date_to)
        return " AND ".join(where), params

    @property
    def on_events(self) -> bool:
        return bool(self.type or self.country or self.place)


class Store:
    dialect = "sqlite"

    def __init__(self, conn, url: str):
        self.conn = conn
        self.url = url

    # plumbing ------------------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Iterable[Any] = ()):
        return self.conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            self.conn.cursor().executemany(self._sql(sql), rows)

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        return list(self.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: Iterable[Any] = ()):
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    @contextmanager
    def transaction(self):
        raise NotImplementedError

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # schema -------------------------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply the migrations this database lacks; return the versions applied."""
        with self.transaction():
            self.execute(
                "CREATE TABLE IF NOT EXISTS marsad_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        have = {row[0] for row in self.query("SELECT version FROM marsad_migrations")}
        if have and max(have) > LATEST:
            raise StoreError(
                f"the database has schema version {max(have)}, newer than this marsad knows ({LATEST}); upgrade marsad",
                path=self.url,
            )
        applied = []
        for version, name, sql in migrations():
            if version in have:
                continue
            with self.transaction():
                self._run_script(sql[self.dialect])
                self.execute(
                    "INSERT INTO marsad_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )
            applied.append(version)
        return applied

    def _run_script(self, script: str) -> None:
        for statement in script.split(";"):
            if statement.strip():
                self.execute(statement)

    @property
    def version(self) -> int:
        return self.scalar("SELECT MAX(version) FROM marsad_migrations") or 0

    # writing ------------------------------------------------------------------------------------
    def present(self, keys: list[tuple[str | None, str]]) -> set[str]:
        """Of ``(url, hash)`` pairs, the URLs and hashes already stored."""
        found: set[str] = set()
        for i in range(0, len(keys), 400):
            chunk = keys[i:i + 400]
            hashes = [h for _, h in chunk]
            urls = [u for u, _ in chunk if u]
            sql = f"SELECT url, hash FROM articles WHERE hash IN ({','.join('?' * len(hashes))})"
            if urls:
                sql += f" OR url IN ({','.join('?' * len(urls))})"
            for url, h in self.query(sql, hashes + urls):
                found.add(h)
                if url:
                    found.add(url)
        return found

    def _insert_article(self, article, doc: Document, terms: str) -> int | None:
        raise NotImplementedError

    def _insert_articles(self, items: list[tuple[Any, Document]]) -> list[int | None]:
        """Insert articles in order; the id of each, ``None`` where its URL or hash is stored."""
        return [self._insert_article(article, doc, _article_terms(article, doc)) for article, doc in items]

    def _insert_events(self, rows: list[tuple[tuple, str]]) -> list[int]:
        """Insert ``(event row, search terms)`` pairs in order; returns their ids."""
        raise NotImplementedError

    def write_batch(self, items: list[tuple[Any, Document]]) -> list[int | None]:
        """Store ``(Article, Document)`` pairs in one transaction; an article whose URL or hash is
        already stored is skipped (``None`` in the returned ids)."""
        with self.transaction():
            ids = self._insert_articles(items)
            stored = [(aid, doc, event) for (_, doc), aid in zip(items, ids) if aid is not None
                      for event in doc.events]
            # The events of the whole batch go in together, then their participants and mentions
            # in one statement each (PostgreSQL: one round trip each, not three per event).
            eids = self._insert_events([_event_row(aid, doc, event) for aid, doc, event in stored])
            self.executemany(
                "INSERT INTO event_actors (event_id, role, name, text, country, sector, wikidata) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(eid, role, a.name, a.text, a.country, a.sector, a.wikidata)
                 for eid, (_, _, event) in zip(eids, stored)
                 for role, group in (("actor", event.actors), ("recipient", event.recipients)) for a in group],
            )
            self.executemany(
                "INSERT INTO mentions (event_id, article_id, start_char, end_char, trigger_start, trigger_end, sentence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(eid, aid, m.start, m.end, m.trigger_start, m.trigger_end, m.sentence)
                 for eid, (aid, _, event) in zip(eids, stored) for m in event.mentions],
            )
            done = [a.origin for (a, _), i in zip(items, ids) if i is not None]
            for i in range(0, len(done), 400):
                chunk = done[i:i + 400]
                self.execute(f"DELETE FROM failures WHERE origin IN ({','.join('?' * len(chunk))})", chunk)
        return ids

    def record_failures(self, failures: list) -> None:
        if not failures:
            return
        with self.transaction():
            self.executemany(
                "INSERT INTO failures (origin, code, reason, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (origin) DO UPDATE SET code = excluded.code, reason = excluded.reason, at = excluded.at",
                [(f.origin, f.code, f.reason, _now()) for f in failures],
            )

    # deduplication ------------------------------------------------------------------------------
    def recluster(self, *, all_types: bool = False) -> dict[str, object]:
        """Cluster events across articles for every type that has unclustered events (or for
        all types). Returns the cluster statistics of the types processed."""
        if all_types:
            types = [r[0] for r in self.query("SELECT DISTINCT type FROM events")]
        else:
            types = [r[0] for r in self.query("SELECT DISTINCT type FROM events WHERE cluster_id IS NULL")]
        sizes: list[int] = []
        for etype in sorted(types):
            rows = self.query(
                "SELECT e.id, e.article_id, e.data, a.published, a.source FROM events e "
                "JOIN articles a ON a.id = e.article_id WHERE e.type = ?",
                (etype,),
            )
            items, meta = [], {}
            for eid, aid, data, published, source in rows:
                event = json.loads(data)
                items.append(dedup.item_from_event(event, id=eid, article=aid, published=published, source=source))
                meta[eid] = (aid, source, event, published)
            assigned = dedup.cluster(items)
            groups: dict[int, list[int]] = {}
            for eid, cid in assigned.items():
                groups.setdefault(cid, []).append(eid)
            mention_counts = dict(self.query(
                "SELECT m.event_id, COUNT(*) FROM mentions m JOIN events e ON e.id = m.event_id "
                "WHERE e.type = ? GROUP BY m.event_id", (etype,)))
            cluster_rows = []
            for cid, members in groups.items():
                sizes.append(len(members))
                events = [meta[m][2] for m in members]
                dates = sorted(d for d in (e.get("date") or meta[m][3] for m, e in zip(members, events)) if d)
                loc = next((p for e in events for p in e.get("locations") or [] if p.get("lat") is not None),
                           next((p for e in events for p in e.get("locations") or []), None))
                cluster_rows.append((
                    cid, etype, dates[0] if dates else None, dates[-1] if dates else None,
                    (loc.get("name") or loc.get("text")) if loc else None, loc.get("country") if loc else None,
                    loc.get("lat") if loc else None, loc.get("lon") if loc else None,
                    len(members), len({meta[m][0] for m in members}),
                    len({meta[m][1] or f"article:{meta[m][0]}" for m in members}),
                    sum(mention_counts.get(m, 0) for m in members),
                ))
            with self.transaction():
                self.execute("DELETE FROM clusters WHERE type = ?", (etype,))
                self.executemany(
                    "INSERT INTO clusters (id, type, date, date_end, place, country, lat, lon, events, articles, sources, mentions) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cluster_rows)
                self.executemany("UPDATE events SET cluster_id = ? WHERE id = ?",
                                 [(cid, eid) for eid, cid in assigned.items()])
        return dedup.cluster_stats(sizes)

    def cluster_stats(self) -> dict[str, object]:
        return dedup.cluster_stats([r[0] for r in self.query("SELECT events FROM clusters")])

    # reading ------------------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        return {
            "articles": self.scalar("SELECT COUNT(*) FROM articles"),
            "events": self.scalar("SELECT COUNT(*) FROM events"),
            "mentions": self.scalar("SELECT COUNT(*) FROM mentions"),
            "sources": self.scalar("SELECT COUNT(DISTINCT source) FROM articles"),
            "failed": self.scalar("SELECT COUNT(*) FROM failures"),
        }

    def failures(self) -> list[tuple[str, str, str]]:
        return self.query("SELECT origin, code, reason FROM failures ORDER BY origin")

    def _article_match(self, groups) -> tuple[str, list[Any], str, str | None]:
        """(join SQL, its params, rank expression, extra WHERE condition) for a text query."""
        raise NotImplementedError

    def _event_match(self, groups) -> tuple[str, list[Any], str, str | None]:
        raise NotImplementedError

    def search_articles(self, query: str, filters: Filters | None = None, *, limit: int = 20) -> list[dict]:
        filters = filters or Filters()
        groups = query_terms(query)
        join, params, rank, cond = self._article_match(groups) if groups else ("", [], "a.published DESC, a.id", None)
        where = [cond] if cond else []
        if filters.on_events:
            ev_where, ev_params = filters.event_sql("e")
            where.append(f"EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND {ev_where})")
            params += ev_params
        if filters.date_from:
            where.append("a.published >= ?")
            params.append(filters.date_from)
        if filters.date_to:
            where.append("a.published <= ?")
            params.append(filters.date_to)
        sql = (f"SELECT a.id, a.title, a.published, a.source, a.url, a.origin, substr(a.text, 1, 200) "
               f"FROM articles a {join} {'WHERE ' + ' AND '.join(where) if where else ''} "
               f"ORDER BY {rank} LIMIT ?")
        cols = ("id", "title", "published", "source", "url", "origin", "snippet")
        return [dict(zip(cols, r)) for r in self.query(sql, params + [limit])]

    def search_events(self, query: str, filters: Filters | None = None, *, limit: int = 20) -> list[dict]:
        filters = filters or Filters()
        groups = query_terms(query)
        join, params, rank, cond = self._event_match(groups) if groups else ("", [], "e.date DESC, e.id", None)
        where, fparams = filters.event_sql("e")
        where = " AND ".join(x for x in (cond, where) if x)
        sql = (f"SELECT e.id, e.type, e.mode, e.date, e.place, e.trigger, e.modality, e.cluster_id, "
               f"a.id, a.title, a.url, a.published, COALESCE(c.sources, 1), e.data FROM events e {join} "
               f"JOIN articles a ON a.id = e.article_id LEFT JOIN clusters c ON c.id = e.cluster_id "
               f"{'WHERE ' + where if where else ''} ORDER BY {rank} LIMIT ?")
        out = []
        for r in self.query(sql, params + fparams + [limit]):
            data = json.loads(r[13])
            out.append({
                "id": r[0], "type": r[1], "mode": r[2], "date": r[3] or r[11], "place": r[4],
                "trigger": r[5], "modality": r[6], "cluster": r[7], "article": r[8], "title": r[9],
                "url": r[10], "sources": r[12],
                "actors": [a.get("name") or a.get("text") for a in data.get("actors", [])],
                "recipients": [a.get("name") or a.get("text") for a in data.get("recipients", [])],
            })
        return out

    def iter_events(self, filters: Filters | None = None) -> Iterator[dict]:
        """Every stored event matching the filters with its article and cluster, in cluster order."""
        filters = filters or Filters()
        where, params = filters.event_sql("e")
        sql = ("SELECT e.id, e.cluster_id, e.data, a.id, a.url, a.title, a.source, a.published, a.text, "
               "c.events, c.articles, c.sources, c.mentions, a.ext_id, a.language "
               "FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN clusters c ON c.id = e.cluster_id "
               f"{'WHERE ' + where if where else ''} ORDER BY COALESCE(e.cluster_id, e.id), e.id")
        for r in self.execute(sql, params):
            event = json.loads(r[2])
            yield {
                "event_id": r[0], "cluster_id": r[1] or r[0], "event": event,
                "article": {"id": r[3], "url": r[4], "title": r[5], "source": r[6], "published": r[7],
                            "ext_id": r[13], "language": r[14]},
                "mention_texts": [{"start": m["start"], "end": m["end"], "sentence": m.get("sentence"),
                                   "text": r[8][m["start"]:m["end"]]} for m in event.get("mentions", [])],
                "cluster": {"events": r[9] or 1, "articles": r[10] or 1, "sources": r[11] or 1,
                            "mentions": r[12] or len(event.get("mentions", []))},
            }

    def integrity_ok(self) -> bool:
        return True


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str):
        import sqlite3

        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the SQLite database: {exc}", path=path) from exc
        super().__init__(conn, path)
        self._depth = 0

    @contextmanager
    def transaction(self):
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    # The new row's id is the cursor's lastrowid, not a RETURNING clause: an FTS5 insert after
    # an INSERT … RETURNING took about twice as long (0.85 against 0.5 ms an article).
    def _insert_article(self, article, doc, terms):
        cur = self.conn.execute(
            "INSERT INTO articles (url, hash, ext_id, title, text, published, date_source, source, category, "
            "language, origin, stages, meta, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            _article_row(article, doc),
        )
        if cur.rowcount == 0:
            return None  # its URL or hash is stored
        self.conn.execute("INSERT INTO articles_fts (rowid, terms) VALUES (?, ?)", (cur.lastrowid, terms))
        return cur.lastrowid

    def _insert_events(self, rows):
        execute = self.conn.execute
        eids = []
        for row, terms in rows:
            eid = execute(
                "INSERT INTO events (article_id, local_id, type, mode, cameo, modality, trigger, date, date_precision, "
                "confidence, place, place_norm, place_country, admin1, lat, lon, geonameid, precision, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row,
            ).lastrowid
            eids.append(eid)
            execute("INSERT INTO events_fts (rowid, terms) VALUES (?, ?)", (eid, terms))
        return eids

    def _article_match(self, groups):
        return ("JOIN articles_fts f ON f.rowid = a.id AND articles_fts MATCH ?", [fts5_query(groups)], "f.rank", None)

    def _event_match(self, groups):
        return ("JOIN events_fts f ON f.rowid = e.id AND events_fts MATCH ?", [fts5_query(groups)], "f.rank", None)

    def integrity_ok(self) -> bool:
        return self.scalar("PRAGMA integrity_check") == "ok"


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str):
        import psycopg

        try:
            conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}", path=_redact(url)) from exc
        super().__init__(conn, _redact(url))

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def transaction(self):
        with self.conn.transaction():
            yield

    def _insert_article(self, article, doc, terms):
        row = self.execute(
            "INSERT INTO articles (url, hash, ext_id, title, text, published, date_source, source, category, "
            "language, origin, stages, meta, ingested_at, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "to_tsvector('simple', ?)) ON CONFLICT DO NOTHING RETURNING id",
            _article_row(article, doc) + (terms,),
        ).fetchone()
        return row[0] if row else None

    def _insert_articles(self, items):
        if not items:
            return []
        # One pipelined executemany for the batch's articles (in order, each conflict checked
        # against those before it, as one INSERT each would be), each returning its id or nothing.
        cur = self.conn.cursor()
        cur.executemany(self._sql(
            "INSERT INTO articles (url, hash, ext_id, title, text, published, date_source, source, category, "
            "language, origin, stages, meta, ingested_at, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "to_tsvector('simple', ?)) ON CONFLICT DO NOTHING RETURNING id"),
            [_article_row(article, doc) + (_article_terms(article, doc),) for article, doc in items],
            returning=True)
        ids = []
        while True:
            row = cur.fetchone()
            ids.append(row[0] if row else None)
            if not cur.nextset():
                break
        return ids

    def _insert_events(self, rows):
        if not rows:
            return []
        # One pipelined executemany for the batch's events, each returning its id, in order.
        cur = self.conn.cursor()
        cur.executemany(self._sql(
            "INSERT INTO events (article_id, local_id, type, mode, cameo, modality, trigger, date, date_precision, "
            "confidence, place, place_norm, place_country, admin1, lat, lon, geonameid, precision, data, terms) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?)) RETURNING id"),
            [row + (terms,) for row, terms in rows], returning=True)
        eids = []
        while True:
            eids.append(cur.fetchone()[0])
            if not cur.nextset():
                break
        return eids

    def _article_match(self, groups):
        return ("CROSS JOIN to_tsquery('simple', ?) q", [tsquery(groups)], "ts_rank(a.terms, q) DESC, a.id",
                "a.terms @@ q")

    def _event_match(self, groups):
        return ("CROSS JOIN to_tsquery('simple', ?) q", [tsquery(groups)], "ts_rank(e.terms, q) DESC, e.id",
                "e.terms @@ q")


def _event_row(aid: int, doc: Document, event) -> tuple[tuple, str]:
    """The ``events`` row of an event and its search terms."""
    data = event_to_dict(event)
    loc = event.locations[0] if event.locations else None
    place_norm = "|".join(
        normalize_string(x) for p in event.locations for x in (p.name, p.text) if x
    ) or None
    row = (
        aid, event.id, event.type, event.mode, event.cameo, event.modality, event.trigger,
        event.date, event.date_precision, event.confidence,
        (loc.name or loc.text) if loc else None, place_norm,
        loc.country if loc else None, loc.admin1 if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        loc.geonameid if loc else None, loc.precision if loc else None,
        json.dumps(data, ensure_ascii=False),
    )
    sentences = [doc.text[m.start:m.end] for m in event.mentions]
    terms = index_terms(
        event.trigger, *sentences,
        *(a.name or a.text for a in event.actors + event.recipients),
        *(p.name or p.text for p in event.locations),
    )
    return row, terms


def _article_terms(article, doc: Document) -> str:
    """The article's search terms (``index_terms`` of title and text); the text's view is the
    document's own when the document holds the same text, not normalised a second time."""
    views = [normalize_string(article.title)] if article.title else []
    if article.text:
        views.append(doc.normalized.text if doc.text == article.text else normalize_string(article.text))
    return index_terms_of_views(*views)


def _article_row(article, doc: Document) -> tuple:
    return (
        article.url, article.hash, article.id, article.title, article.text, article.published,
        article.date_source, article.source, article.category, article.language, article.origin,
        ",".join(doc.stages), json.dumps(article.meta, ensure_ascii=False) if article.meta else None, _now(),
    )


def _redact(url: str) -> str:
    import re

    return re.sub(r"//([^:/@]+):[^@]+@", r"//\1:***@", url)
