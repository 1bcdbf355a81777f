"""The first schema: articles, events with their actors and mentions, clusters of events
across articles, failed inputs, and the search index."""

SQLITE = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    ext_id TEXT,
    title TEXT,
    text TEXT NOT NULL,
    published TEXT,
    date_source TEXT,
    source TEXT,
    category TEXT,
    language TEXT,
    origin TEXT,
    stages TEXT,
    meta TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    modality TEXT,
    trigger TEXT,
    date TEXT,
    date_precision TEXT,
    confidence REAL,
    place TEXT,
    place_norm TEXT,
    place_country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    geonameid INTEGER,
    precision TEXT,
    data TEXT NOT NULL,
    cluster_id INTEGER
);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_cluster ON events(cluster_id);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    name TEXT,
    text TEXT,
    country TEXT,
    sector TEXT,
    wikidata TEXT
);
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE INDEX event_actors_country ON event_actors(country);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    sentence INTEGER
);
CREATE INDEX mentions_event ON mentions(event_id);

CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    date TEXT,
    date_end TEXT,
    place TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    events INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX clusters_type ON clusters(type);

CREATE TABLE failures (
    origin TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE events_fts USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 0');
"""

POSTGRES = """
CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY,
    url TEXT UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    ext_id TEXT,
    title TEXT,
    text TEXT NOT NULL,
    published TEXT,
    date_source TEXT,
    source TEXT,
    category TEXT,
    language TEXT,
    origin TEXT,
    stages TEXT,
    meta TEXT,
    ingested_at TEXT NOT NULL,
    terms TSVECTOR
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_terms ON articles USING GIN(terms);

CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    modality TEXT,
    trigger TEXT,
    date TEXT,
    date_precision TEXT,
    confidence DOUBLE PRECISION,
    place TEXT,
    place_norm TEXT,
    place_country TEXT,
    admin1 TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    geonameid BIGINT,
    precision TEXT,
    data TEXT NOT NULL,
    cluster_id BIGINT,
    terms TSVECTOR
);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX events_terms ON events USING GIN(terms);

CREATE TABLE event_actors (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    name TEXT,
    text TEXT,
    country TEXT,
    sector TEXT,
    wikidata TEXT
);
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE INDEX event_actors_country ON event_actors(country);

CREATE TABLE mentions (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    sentence INTEGER
);
CREATE INDEX mentions_event ON mentions(event_id);

CREATE TABLE clusters (
    id BIGINT PRIMARY KEY,
    type TEXT NOT NULL,
    date TEXT,
    date_end TEXT,
    place TEXT,
    country TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    events INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX clusters_type ON clusters(type);

CREATE TABLE failures (
    origin TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
"""
