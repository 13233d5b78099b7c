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
  // 2: polling, routing and delivery. Fetch state lives per feed URL (one fetch however many
  // servers add it); items are remembered per source, so each server's copy of a feed knows what
  // it has taken in. Decisions and the outbox are written in the claims' own transaction.
  `ALTER TABLE sources ADD COLUMN paused_reason TEXT;
   ALTER TABLE sources ADD COLUMN removed_at TEXT;
   ALTER TABLE sources ADD COLUMN failure_notice INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE feeds (
     location TEXT PRIMARY KEY,
     etag TEXT,
     last_modified TEXT,
     last_attempt_at TEXT,
     last_success_at TEXT,
     last_error TEXT,
     failures INTEGER NOT NULL DEFAULT 0,
     next_poll_at TEXT,
     items INTEGER
   ) WITHOUT ROWID;
   CREATE TABLE source_items (
     source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
     item_key TEXT NOT NULL,
     article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
     seen_at TEXT NOT NULL,
     PRIMARY KEY (source_id, item_key)
   ) WITHOUT ROWID;
   CREATE TABLE follows (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (guild_id, topic, channel_id)
   );
   CREATE TABLE broken_channels (
     channel_id TEXT PRIMARY KEY,
     guild_id TEXT NOT NULL,
     reason TEXT NOT NULL,
     broken_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE digests (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     schedule TEXT NOT NULL,
     last_run_at TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (guild_id, channel_id)
   );
   CREATE TABLE decisions (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL,
     alert_key TEXT NOT NULL,
     claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
     article_id INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     decided_at TEXT NOT NULL,
     UNIQUE (guild_id, alert_key)
   );
   CREATE INDEX decisions_by_claim ON decisions(claim_id);
   CREATE INDEX decisions_by_article ON decisions(article_id);
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     decision_id INTEGER REFERENCES decisions(id) ON DELETE SET NULL,
     payload TEXT NOT NULL,
     folded INTEGER NOT NULL DEFAULT 0,
     nonce TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT NOT NULL,
     created_at TEXT NOT NULL,
     sent_at TEXT,
     message_id TEXT,
     last_error TEXT
   );
   CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE status = 'pending';
   CREATE INDEX outbox_by_decision ON outbox(decision_id);`,
  // 3: attribution beyond the lexicon. A claim keeps the person who spoke for its claimant, and
  // the names the extractor learned (AFAD is the Disaster and Emergency Management Authority) are
  // kept per scope, so a later article's spelling files under the same name.
  `ALTER TABLE claims ADD COLUMN speaker TEXT;
   CREATE TABLE names (
     guild_id TEXT NOT NULL,
     alias TEXT NOT NULL,
     name TEXT NOT NULL,
     PRIMARY KEY (guild_id, alias)
   ) WITHOUT ROWID;`,
  // 4: topics a newsroom defines by command, per scope, and the record of who changed them.
  `CREATE TABLE topics (
     guild_id TEXT NOT NULL,
     key TEXT NOT NULL,
     definition TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_by TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (guild_id, key)
   ) WITHOUT ROWID;
   CREATE TABLE topic_changes (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL,
     key TEXT NOT NULL,
     action TEXT NOT NULL,
     by TEXT NOT NULL,
     at TEXT NOT NULL,
     moved INTEGER NOT NULL DEFAULT 0
   );`,
  // 5: claimant names moderators merged or renamed, and the claims each change moved, so it can be undone.
  `CREATE TABLE claimant_changes (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL,
     action TEXT NOT NULL,
     name TEXT NOT NULL,
     into_name TEXT NOT NULL,
     by TEXT NOT NULL,
     at TEXT NOT NULL,
     undone_at TEXT
   );
   CREATE TABLE claimant_moves (
     change_id INTEGER NOT NULL REFERENCES claimant_changes(id) ON DELETE CASCADE,
     claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
     field TEXT NOT NULL,
     PRIMARY KEY (change_id, claim_id, field)
   ) WITHOUT ROWID;`,
  // 6: the text index as it stood at a claim id, so boot reads its word lists instead of
  // tokenising every sentence again; claims after `upto` are indexed at boot as before.
  `CREATE TABLE search_index (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     tokenizer INTEGER NOT NULL,
     upto INTEGER NOT NULL,
     claims INTEGER NOT NULL,
     words BLOB NOT NULL,
     postings BLOB NOT NULL
   );`,
  // 7: alerts a desk can trust. A claim keeps the part its figure plays (current, past,
  // increment) and why it is beside the story; moderators' corrections keep what changed, who
  // changed it and when, and a claim marked wrong is hidden but kept. A posted alert can be
  // edited: the outbox row holds its latest payload and whether an edit is waiting to go out.
  `ALTER TABLE claims ADD COLUMN role TEXT NOT NULL DEFAULT 'current';
   ALTER TABLE claims ADD COLUMN aside TEXT;
   ALTER TABLE claims ADD COLUMN wrong INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE claim_changes (
     id INTEGER PRIMARY KEY,
     claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
     field TEXT NOT NULL,
     old_value TEXT,
     new_value TEXT,
     changed_by TEXT NOT NULL,
     note TEXT,
     changed_at TEXT NOT NULL
   );
   CREATE INDEX claim_changes_by_claim ON claim_changes(claim_id);
   ALTER TABLE outbox ADD COLUMN edit_due_at TEXT;
   ALTER TABLE outbox ADD COLUMN edit_attempts INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE outbox ADD COLUMN edited_at TEXT;
   CREATE INDEX outbox_edits_due ON outbox(edit_due_at) WHERE edit_due_at IS NOT NULL;`,
  // 8: a server's own settings (/settings): the time zone its briefings run in and its answers
  // show times in, and the channel its moderators hear about failing sources in. NULL: the default.
  `CREATE TABLE server_settings (
     guild_id TEXT PRIMARY KEY,
     time_zone TEXT,
     notices_channel TEXT,
     changed_by TEXT NOT NULL,
     changed_at TEXT NOT NULL
   ) WITHOUT ROWID;`,
  // 9: what a store shared by several processes needs, kept in SQLite too so both stores keep one
  // contract: an outbox row claimed by one deliverer for a while, and named leases (the poller).
  `ALTER TABLE outbox ADD COLUMN lease_holder TEXT;
   ALTER TABLE outbox ADD COLUMN lease_until TEXT;
   CREATE TABLE leases (
     name TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     until TEXT NOT NULL
   ) WITHOUT ROWID;`,
  // 10: the claims' columns saved as one block, so boot reads them instead of a million rows.
  // Triggers note every claim changed or deleted since, whoever changes it, and boot reads those
  // rows afresh.
  `CREATE TABLE claim_columns (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     format INTEGER NOT NULL,
     upto INTEGER NOT NULL,
     claims INTEGER NOT NULL,
     measures TEXT NOT NULL,
     strings BLOB NOT NULL,
     fields BLOB NOT NULL,
     figures BLOB NOT NULL
   );
   CREATE TABLE claims_changed (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     claim_id INTEGER NOT NULL UNIQUE
   );
   CREATE TRIGGER claims_changed_on_update AFTER UPDATE ON claims
     BEGIN INSERT OR REPLACE INTO claims_changed (claim_id) VALUES (OLD.id); END;
   CREATE TRIGGER claims_changed_on_delete AFTER DELETE ON claims
     BEGIN INSERT OR REPLACE INTO claims_changed (claim_id) VALUES (OLD.id); END;`,
];

export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `the store is at schema ${current}, newer than this build knows (${MIGRATIONS.length}); upgrade claimwatch`,
    );
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
