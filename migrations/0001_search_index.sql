-- The full-text search index. KV stays the store of articles; this holds what search reads:
-- one row per article (per user), and an FTS5 index over its text. Repaired from KV by
-- `npm run reindex` and the scheduled job (worker/src/store/search.ts).
CREATE TABLE article_index (
  rowid INTEGER PRIMARY KEY,
  user TEXT NOT NULL,
  id TEXT NOT NULL,
  capture_id TEXT NOT NULL,
  captured_at TEXT NOT NULL,
  url TEXT,
  title TEXT NOT NULL,
  subtitle TEXT NOT NULL,
  byline TEXT NOT NULL,
  summary TEXT NOT NULL,
  keywords TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (user, id)
);
CREATE INDEX article_index_capture ON article_index (user, capture_id);

-- trigram: Chinese has no spaces between words, so words cannot be tokens; any run of three
-- characters can. Queries of one or two characters fall back to LIKE (a shorter MATCH finds nothing).
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, subtitle, byline, summary, keywords, body,
  content = 'article_index', content_rowid = 'rowid', tokenize = 'trigram'
);

-- The FTS index follows the table (external content).
CREATE TRIGGER article_index_insert AFTER INSERT ON article_index BEGIN
  INSERT INTO article_fts (rowid, title, subtitle, byline, summary, keywords, body)
  VALUES (new.rowid, new.title, new.subtitle, new.byline, new.summary, new.keywords, new.body);
END;
CREATE TRIGGER article_index_delete AFTER DELETE ON article_index BEGIN
  INSERT INTO article_fts (article_fts, rowid, title, subtitle, byline, summary, keywords, body)
  VALUES ('delete', old.rowid, old.title, old.subtitle, old.byline, old.summary, old.keywords, old.body);
END;
CREATE TRIGGER article_index_update AFTER UPDATE ON article_index BEGIN
  INSERT INTO article_fts (article_fts, rowid, title, subtitle, byline, summary, keywords, body)
  VALUES ('delete', old.rowid, old.title, old.subtitle, old.byline, old.summary, old.keywords, old.body);
  INSERT INTO article_fts (rowid, title, subtitle, byline, summary, keywords, body)
  VALUES (new.rowid, new.title, new.subtitle, new.byline, new.summary, new.keywords, new.body);
END;
