import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Claim } from '../extract/index.js';
import { ClaimColumnsBook } from './claim-columns.js';
import { ClaimantBook } from './claimant-book.js';
import { Corrections } from './corrections.js';
import { MessageEdits } from './message-edits.js';
import { migrate } from './migrations.js';
import { NameBook } from './name-book.js';
import { Outbox } from './outbox.js';
import { type ArticleRecord, type ClaimRecord, DEFAULTS, type NewSource, type SourceRecord } from './records.js';
import { Routes } from './routes.js';
import { SearchBook } from './search-book.js';
import { SettingsBook } from './settings-book.js';
import { SourceBook } from './source-book.js';
import { SOURCE_COLUMNS, type SourceRow, toSource } from './source-rows.js';
import { statementCache } from './statements.js';
import { explainStoreError, missingFolder } from './store-error.js';
import { TopicBook } from './topic-book.js';

export type NewArticle = Omit<ArticleRecord, 'id'>;

export type AddArticleResult =
  | { added: true; article: ArticleRecord; claims: ClaimRecord[] }
  | { added: false; articleId: number };

/** In the order claimFromRow reads them; both stores return them as arrays of values. */
export const CLAIM_COLUMNS = `id, article_id AS articleId, position, sentence, low, high, hedge, unit, topic, status,
  claimant, via, figure_text AS figureText, speaker, role, aside, wrong`;

/** What articleDetails reads; aliases quoted, so Postgres keeps their case as SQLite does. */
export const ARTICLE_DETAILS_COLUMNS =
  'identity, url, title, content_hash AS "contentHash", ingested_at AS "ingestedAt"';

/** A new claim's record as stored at this place in its article, before the store gives it an id. */
export function newClaimRecord(articleId: number, position: number, claim: Claim): Omit<ClaimRecord, 'id' | 'wrong'> {
  return {
    articleId,
    position,
    sentence: claim.sentence,
    low: claim.low,
    high: claim.high,
    hedge: claim.hedge,
    unit: claim.unit,
    topic: claim.topic,
    status: claim.status,
    claimant: claim.claimant,
    via: claim.via,
    speaker: claim.speaker,
    figureText: claim.figureText,
    role: claim.role,
    aside: claim.aside,
  };
}

/** The durable record: sources, articles and their claims, in one SQLite file. */
export class Store {
  readonly db: Database.Database;
  private readonly sql: ReturnType<typeof statementCache>;
  /** Servers' sources and polling state. */
  readonly sourceBook: SourceBook;
  /** Follows, broken channels and briefing schedules. */
  readonly routes: Routes;
  /** Alert decisions and the messages waiting for Discord. */
  readonly outbox: Outbox;
  /** Names the extractor learned from articles, per scope. */
  readonly names: NameBook;
  /** Topics newsrooms defined by command. */
  readonly topics: TopicBook;
  /** Claimant merges and renames moderators made. */
  readonly claimants: ClaimantBook;
  /** The text index as last saved, so boot need not tokenise every claim again. */
  readonly searchIndex: SearchBook;
  /** The claims' columns as last saved, so boot need not read a million rows. */
  readonly claimColumns: ClaimColumnsBook;
  /** Moderators' corrections to claims, with who and when. */
  readonly corrections: Corrections;
  /** Edits waiting for alert messages already posted. */
  readonly edits: MessageEdits;
  /** Each server's time zone and notices channel. */
  readonly settings: SettingsBook;

  private constructor(db: Database.Database) {
    this.db = db;
    this.sql = statementCache(db);
    this.sourceBook = new SourceBook(db);
    this.routes = new Routes(db);
    this.outbox = new Outbox(db);
    this.names = new NameBook(db);
    this.topics = new TopicBook(db);
    this.claimants = new ClaimantBook(db);
    this.searchIndex = new SearchBook(db);
    this.claimColumns = new ClaimColumnsBook(db);
    this.corrections = new Corrections(db);
    this.edits = new MessageEdits(db);
    this.settings = new SettingsBook(db);
  }

  /** Runs the work in one immediate transaction (nested calls become savepoints). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /**
   * Opens (creating and migrating) the store. `createFolder: false` refuses a missing folder
   * instead of creating it, as the bot does: a mistyped CLAIMWATCH_DB is said, not obeyed.
   */
  static open(path: string, options: { createFolder?: boolean } = {}): Store {
    let db: Database.Database | undefined;
    try {
      if (path !== ':memory:' && !existsSync(dirname(path))) {
        if (options.createFolder === false) throw missingFolder(path);
        mkdirSync(dirname(path), { recursive: true });
      }
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db);
    } catch (error) {
      db?.close();
      throw explainStoreError(path, error) ?? error;
    }
    return new Store(db);
  }

  close(): void {
    this.db.close();
  }

  /** The source with this name in this scope, created on first use. */
  ensureSource(source: NewSource, now: Date): SourceRecord {
    const guildId = source.guildId ?? DEFAULTS;
    this.sql(`INSERT INTO sources (guild_id, name, kind, location, topics, created_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, name) DO NOTHING`).run(
      guildId,
      source.name,
      source.kind,
      source.location,
      source.topics ? JSON.stringify(source.topics) : null,
      now.toISOString(),
    );
    const row = this.sql(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE guild_id = ? AND name = ?`).get(
      guildId,
      source.name,
    );
    return toSource(row as SourceRow);
  }

  sources(): SourceRecord[] {
    return (this.sql(`SELECT ${SOURCE_COLUMNS} FROM sources ORDER BY id`).all() as SourceRow[]).map(toSource);
  }

  /** A stored article by identity, with how many claims it holds. */
  knownArticle(identity: string): { id: number; claims: number } | undefined {
    return this.sql(`SELECT a.id, (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims
      FROM articles a WHERE a.identity = ?`).get(identity) as { id: number; claims: number } | undefined;
  }

  /** Records that one more source carried a known article. */
  linkSource(articleId: number, sourceId: number): void {
    this.link(articleId, sourceId);
  }

  /**
   * One transaction per article: its row, its claims and its source link land together or not
   * at all, so a crash mid-ingest leaves no half article. A known article only gains the link.
   */
  addArticle(article: NewArticle, claims: readonly Claim[], sourceId: number): AddArticleResult {
    return this.db
      .transaction((): AddArticleResult => {
        const known = this.sql('SELECT id FROM articles WHERE identity = ?').get(article.identity) as
          | { id: number }
          | undefined;
        if (known) {
          this.link(known.id, sourceId);
          return { added: false, articleId: known.id };
        }
        const { lastInsertRowid } =
          this.sql(`INSERT INTO articles (identity, url, title, outlet, date, content_hash, ingested_at)
        VALUES (@identity, @url, @title, @outlet, @date, @contentHash, @ingestedAt)`).run(article);
        const articleId = Number(lastInsertRowid);
        this.link(articleId, sourceId);
        const stored = claims.map((claim, position) => this.insertClaim(articleId, position, claim));
        return { added: true, article: { id: articleId, ...article }, claims: stored };
      })
      .immediate();
  }

  private link(articleId: number, sourceId: number): void {
    this.sql('INSERT OR IGNORE INTO article_sources (article_id, source_id) VALUES (?, ?)').run(articleId, sourceId);
  }

  private insertClaim(articleId: number, position: number, claim: Claim): ClaimRecord {
    const record = newClaimRecord(articleId, position, claim);
    const { lastInsertRowid } = this.sql(`INSERT INTO claims (article_id, position, sentence, low, high, hedge, unit,
      topic, status, claimant, via, speaker, figure_text, role, aside) VALUES (@articleId, @position, @sentence, @low,
      @high, @hedge, @unit, @topic, @status, @claimant, @via, @speaker, @figureText, @role, @aside)`).run(record);
    return { id: Number(lastInsertRowid), ...record, wrong: false };
  }

  /**
   * What the index needs of every article, in id order: id, outlet, date and the day it files
   * claims under (the date, else the day it arrived). Read as raw rows, like claims.
   */
  *articleHeads(): IterableIterator<{ id: number; outlet: string | null; date: string | null; day: string }> {
    const rows = this.sql(
      'SELECT id, outlet, date, coalesce(date, substr(ingested_at, 1, 10)) FROM articles ORDER BY id',
    )
      .raw(true)
      .iterate() as IterableIterator<[number, string | null, string | null, string]>;
    for (const [id, outlet, date, day] of rows) yield { id, outlet, date, day };
  }

  /** An article's identity, link, title, hash and arrival, which the index reads when an answer shows them. */
  articleDetails(id: number): Pick<ArticleRecord, 'identity' | 'url' | 'title' | 'contentHash' | 'ingestedAt'> {
    const row = this.sql(`SELECT ${ARTICLE_DETAILS_COLUMNS} FROM articles WHERE id = ?`).get(id) as
      | Pick<ArticleRecord, 'identity' | 'url' | 'title' | 'contentHash' | 'ingestedAt'>
      | undefined;
    if (!row) throw new Error(`article ${id} is not in the store`);
    return row;
  }

  /** Every article's source links, for working out who may see it. */
  articleSources(): IterableIterator<[articleId: number, sourceId: number]> {
    return this.sql('SELECT article_id, source_id FROM article_sources').raw(true).iterate() as IterableIterator<
      [number, number]
    >;
  }

  /**
   * Every claim after id `after`, in id order. Read as raw rows (columns in CLAIM_COLUMNS order)
   * and built here: better-sqlite3 naming 13 columns on each of a million rows was a tenth of boot.
   */
  claims(after = 0): IterableIterator<ClaimRecord> {
    return claimRecords(this.sql(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE id > ? ORDER BY id`), after);
  }

  /** The claims with these ids that still exist, in id order. */
  claimsWithIds(ids: readonly number[]): IterableIterator<ClaimRecord> {
    return claimRecords(
      this.sql(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`),
      JSON.stringify(ids),
    );
  }

  /** A claim's sentence: the index holds most claims without theirs and reads it when shown. */
  sentence(id: number): string {
    const row = this.sql('SELECT sentence FROM claims WHERE id = ?').pluck().get(id) as string | undefined;
    if (row === undefined) throw new Error(`claim ${id} is not in the store`);
    return row;
  }

  /** The first and last article dates, for the console's banner. */
  dateRange(): { first: string; last: string } | null {
    const row = this.sql('SELECT min(date) AS first, max(date) AS last FROM articles WHERE date IS NOT NULL').get() as {
      first: string | null;
      last: string | null;
    };
    return row.first && row.last ? { first: row.first, last: row.last } : null;
  }

  counts(): { sources: number; articles: number; claims: number } {
    const count = (table: string) => (this.sql(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { sources: count('sources'), articles: count('articles'), claims: count('claims') };
  }
}

function* claimRecords(statement: Database.Statement, parameter: unknown): IterableIterator<ClaimRecord> {
  for (const row of statement.raw(true).iterate(parameter) as IterableIterator<unknown[]>) yield claimFromRow(row);
}

/** A claim from its CLAIM_COLUMNS values; `wrong` is 0 or 1 on either store. */
export function claimFromRow(r: unknown[]): ClaimRecord {
  return {
    id: r[0] as number,
    articleId: r[1] as number,
    position: r[2] as number,
    sentence: r[3] as string,
    low: r[4] as number | null,
    high: r[5] as number | null,
    hedge: r[6] as ClaimRecord['hedge'],
    unit: r[7] as string | null,
    topic: r[8] as string | null,
    status: r[9] as ClaimRecord['status'],
    claimant: r[10] as string | null,
    via: r[11] as string | null,
    figureText: r[12] as string | null,
    speaker: r[13] as string | null,
    role: r[14] as ClaimRecord['role'],
    aside: r[15] as string | null,
    wrong: r[16] === 1,
  };
}
