import type { Claim } from '../../extract/index.js';
import { type ArticleRecord, type ClaimRecord, DEFAULTS, type NewSource, type SourceRecord } from '../records.js';
import { SOURCE_COLUMNS, type SourceRow, toSource } from '../source-rows.js';
import {
  type AddArticleResult,
  ARTICLE_DETAILS_COLUMNS,
  CLAIM_COLUMNS,
  claimFromRow,
  type NewArticle,
  newClaimRecord,
} from '../store.js';
import type { ArticlesPort } from '../store-port.js';
import type { Atomically } from './store-port.js';
import type { Queryable } from './transaction.js';

type ArticleDetails = Pick<ArticleRecord, 'identity' | 'url' | 'title' | 'contentHash' | 'ingestedAt'>;

/**
 * Sources, articles and their claims on Postgres, answering as SQLite's Store does. An article,
 * its claims and its source link are written in one transaction (a savepoint inside an open one);
 * the change log's triggers note the article and the link in that same transaction.
 */
export class PgArticles implements ArticlesPort {
  constructor(
    private readonly on: Queryable,
    private readonly atomically: Atomically,
  ) {}

  /** Two statements, as on SQLite: the read after the insert sees a row another process just committed. */
  async ensureSource(source: NewSource, now: Date): Promise<SourceRecord> {
    const guildId = source.guildId ?? DEFAULTS;
    await this.on.query(
      `INSERT INTO sources (guild_id, name, kind, location, topics, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (guild_id, name) DO NOTHING`,
      [
        guildId,
        source.name,
        source.kind,
        source.location,
        source.topics ? JSON.stringify(source.topics) : null,
        now.toISOString(),
      ],
    );
    const { rows } = await this.on.query<SourceRow>(
      `SELECT ${SOURCE_COLUMNS} FROM sources WHERE guild_id = $1 AND name = $2`,
      [guildId, source.name],
    );
    return toSource(rows[0]!);
  }

  async sources(): Promise<SourceRecord[]> {
    const { rows } = await this.on.query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM sources ORDER BY id`);
    return rows.map(toSource);
  }

  async knownArticle(identity: string): Promise<{ id: number; claims: number } | undefined> {
    const { rows } = await this.on.query<{ id: number; claims: number }>(
      `SELECT a.id, (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims
       FROM articles a WHERE a.identity = $1`,
      [identity],
    );
    return rows[0];
  }

  async linkSource(articleId: number, sourceId: number): Promise<void> {
    await link(this.on, articleId, sourceId);
  }

  /**
   * The article, its claims and its link whole, or a known article's link alone. The insert
   * skips an identity another process stored meanwhile (it waits for that one to commit), and
   * then this one links that article, as SQLite's writer would have after waiting its turn.
   */
  addArticle(article: NewArticle, claims: readonly Claim[], sourceId: number): Promise<AddArticleResult> {
    return this.atomically(async (on): Promise<AddArticleResult> => {
      const known = await existing(on, article.identity);
      if (known !== undefined) {
        await link(on, known, sourceId);
        return { added: false, articleId: known };
      }
      const inserted = await on.query<{ id: number }>(
        `INSERT INTO articles (identity, url, title, outlet, date, content_hash, ingested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (identity) DO NOTHING RETURNING id`,
        [
          article.identity,
          article.url,
          article.title,
          article.outlet,
          article.date,
          article.contentHash,
          article.ingestedAt,
        ],
      );
      const articleId = inserted.rows[0]?.id;
      if (articleId === undefined) {
        const stored = (await existing(on, article.identity))!;
        await link(on, stored, sourceId);
        return { added: false, articleId: stored };
      }
      await link(on, articleId, sourceId);
      const stored = await insertClaims(on, articleId, claims);
      return { added: true, article: { id: articleId, ...article }, claims: stored };
    });
  }

  async articleDetails(id: number): Promise<ArticleDetails> {
    const { rows } = await this.on.query<ArticleDetails>(
      `SELECT ${ARTICLE_DETAILS_COLUMNS} FROM articles WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw new Error(`article ${id} is not in the store`);
    return rows[0];
  }

  async claimsWithIds(ids: readonly number[]): Promise<ClaimRecord[]> {
    const { rows } = await this.on.query<unknown[]>({
      text: `SELECT ${CLAIM_COLUMNS} FROM claims WHERE id = ANY($1::bigint[]) ORDER BY id`,
      values: [ids],
      rowMode: 'array',
    });
    return rows.map(claimFromRow);
  }

  async sentence(id: number): Promise<string> {
    const { rows } = await this.on.query<{ sentence: string }>('SELECT sentence FROM claims WHERE id = $1', [id]);
    if (!rows[0]) throw new Error(`claim ${id} is not in the store`);
    return rows[0].sentence;
  }

  /** Dates compared byte by byte, as SQLite compares text, whatever the database's collation. */
  async dateRange(): Promise<{ first: string; last: string } | null> {
    const { rows } = await this.on.query<{ first: string | null; last: string | null }>(
      `SELECT min(date COLLATE "C") AS first, max(date COLLATE "C") AS last FROM articles WHERE date IS NOT NULL`,
    );
    const row = rows[0]!;
    return row.first && row.last ? { first: row.first, last: row.last } : null;
  }

  /** The three counts in one statement, so they come from one snapshot. */
  async counts(): Promise<{ sources: number; articles: number; claims: number }> {
    const { rows } = await this.on.query<{ sources: number; articles: number; claims: number }>(
      `SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM articles) AS articles,
         (SELECT count(*) FROM claims) AS claims`,
    );
    return rows[0]!;
  }
}

async function existing(on: Queryable, identity: string): Promise<number | undefined> {
  const { rows } = await on.query<{ id: number }>('SELECT id FROM articles WHERE identity = $1', [identity]);
  return rows[0]?.id;
}

async function link(on: Queryable, articleId: number, sourceId: number): Promise<void> {
  await on.query(
    'INSERT INTO article_sources (article_id, source_id) VALUES ($1, $2) ON CONFLICT (article_id, source_id) DO NOTHING',
    [articleId, sourceId],
  );
}

/** Every claim in one statement, ids given in position order as SQLite gives them one insert at a time. */
async function insertClaims(on: Queryable, articleId: number, claims: readonly Claim[]): Promise<ClaimRecord[]> {
  if (claims.length === 0) return [];
  const records = claims.map((claim, position) => newClaimRecord(articleId, position, claim));
  const column = <K extends keyof (typeof records)[number]>(key: K) => records.map((r) => r[key]);
  const { rows } = await on.query<{ id: number; position: number }>(
    `INSERT INTO claims (article_id, position, sentence, low, high, hedge, unit, topic, status, claimant, via, speaker,
       figure_text, role, aside)
     SELECT $1, v.position, v.sentence, v.low, v.high, v.hedge, v.unit, v.topic, v.status, v.claimant, v.via, v.speaker,
       v.figure_text, v.role, v.aside
     FROM unnest($2::int[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
       AS v(position, sentence, low, high, hedge, unit, topic, status, claimant, via, speaker, figure_text, role, aside)
     ORDER BY v.position
     RETURNING id, position`,
    [
      articleId,
      column('position'),
      column('sentence'),
      column('low'),
      column('high'),
      column('hedge'),
      column('unit'),
      column('topic'),
      column('status'),
      column('claimant'),
      column('via'),
      column('speaker'),
      column('figureText'),
      column('role'),
      column('aside'),
    ],
  );
  const ids = new Map(rows.map((r) => [r.position, r.id]));
  return records.map((record) => ({ id: ids.get(record.position)!, ...record, wrong: false }));
}
