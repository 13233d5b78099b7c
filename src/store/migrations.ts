import type { Database } from 'better-sqlite3';

/**
 * Numbered migrations, applied in order at boot; PRAGMA user_version records the last one.
 * Append only: a migration that has shipped is never edited, a change is a new entry.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: sources belong to the defaults (guild_id '') or to one server from the first schema on,
  // so one newsroom's sources and claims never leak into another's answers.
  `CREATE TABLE sources (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL DEFAULT '',
     name TEXT NOT NULL,
     kind TEXT NOT NULL,
     location TEXT NOT NULL,
     topics TEXT,
     paused INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     UNIQUE (guild_id, name)
   );
   CREATE TABLE articles (
     id INTEGER PRIMARY KEY,
     identity TEXT NOT NULL UNIQUE,
     url TEXT,
     title TEXT,
     outlet TEXT,
     date TEXT,
     content_hash TEXT NOT NULL,
     ingested_at TEXT NOT NULL
   );
   CREATE TABLE article_sources (
     article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
     PRIMARY KEY (article_id, source_id)
   ) WITHOUT ROWID;
   CREATE INDEX article_sources_by_source ON article_sources(source_id);
   CREATE TABLE claims (
     id INTEGER PRIMARY KEY,
     article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     position INTEGER NOT NULL,
     sentence TEXT NOT NULL,
     low REAL,
     high REAL,
     hedge TEXT,
     unit TEXT,
     topic TEXT,
     status TEXT NOT NULL,
     claimant TEXT,
     via TEXT,
     figure_text TEXT
   );
   CREATE INDEX claims_by_article ON claims(article_id);`,
];

export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the store is at schema ${current}, newer than this build knows (${MIGRATIONS.length}); upgrade claimwatch`);
  }
  const apply = db.transaction(() => {
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    }
  });
  apply();
  return MIGRATIONS.length - current;
}
