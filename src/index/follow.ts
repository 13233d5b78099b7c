import type { ArticleRecord, ClaimRecord, SourceRecord } from '../store/records.js';
import type { ChangeCursor } from './change-cursor.js';
import type { ClaimCorrection, ClaimIndex } from './claim-index.js';

/** One entry of the store's change log: what another process wrote that answers must show. */
export interface StoreChange {
  id: number;
  kind: 'article' | 'claim' | 'source' | 'link' | 'name' | 'topic';
  ref: number;
  /** A link's source id; a name's [scope, alias] or a topic's [scope, key] as JSON. */
  detail: string | null;
}

/** What a follower reads from the shared store: the change log, and the rows it names as they now stand. */
export interface ChangeFeed {
  changesAfter(id: number, limit: number): Promise<StoreChange[]>;
  sources(ids: readonly number[]): Promise<SourceRecord[]>;
  /** Each alias's name as boot would learn it (the first scope's); an alias no scope keeps is left out. */
  names(aliases: readonly string[]): Promise<Array<{ alias: string; name: string }>>;
  /** The articles with their source links and claims. */
  articles(
    ids: readonly number[],
  ): Promise<Array<{ article: ArticleRecord; sourceIds: number[]; claims: ClaimRecord[] }>>;
  claims(ids: readonly number[]): Promise<ClaimRecord[]>;
}

const BATCH = 5_000;
const CORRECTABLE = ['low', 'high', 'claimant', 'via', 'status', 'topic', 'wrong', 'aside', 'role'] as const;

/**
 * Keeps one process's index current with what every process writes to the shared store. Changes
 * this process made itself are already in its index and come back as no-ops, so applying the log
 * needs no note of who wrote what.
 */
export class IndexFollower {
  constructor(
    private readonly index: ClaimIndex,
    private readonly feed: ChangeFeed,
    private readonly cursor: ChangeCursor,
    /** Topic definitions changed elsewhere: the owner reloads them and re-files these claims' topics. */
    private readonly topicsChanged?: (moves: Array<{ id: number; topic: string | null }>) => Promise<void>,
  ) {}

  /** Reads the log forward to its end; answers how many changes were new to this process. */
  async catchUp(now: Date): Promise<number> {
    let applied = 0;
    for (;;) {
      const changes = await this.feed.changesAfter(this.cursor.from(now), BATCH);
      const fresh = new Set(
        this.cursor.advance(
          changes.map((c) => c.id),
          now,
        ),
      );
      await this.apply(changes.filter((c) => fresh.has(c.id)));
      applied += fresh.size;
      if (changes.length < BATCH) return applied;
    }
  }

  private async apply(changes: readonly StoreChange[]): Promise<void> {
    const of = (kind: StoreChange['kind']) => changes.filter((c) => c.kind === kind);
    // Sources first: an article's audience is worked out from the sources that carry it.
    for (const source of await this.feed.sources(unique(of('source').map((c) => c.ref)))) this.index.addSource(source);
    const aliases = [...new Set(of('name').map((c) => (JSON.parse(c.detail ?? '[]') as [string, string])[1]))];
    const named = new Map((await this.feed.names(aliases)).map((row) => [row.alias, row.name]));
    for (const alias of aliases) this.index.names.refileAlias(alias, named.get(alias));
    const unseen = unique(of('article').map((c) => c.ref)).filter((id) => !this.index.hasArticle(id));
    for (const { article, sourceIds, claims } of await this.feed.articles(unseen))
      this.index.addArticle(article, sourceIds, claims);
    for (const link of of('link')) this.index.linkArticle(link.ref, Number(link.detail));
    const claims = await this.feed.claims(unique(of('claim').map((c) => c.ref)));
    if (of('topic').length > 0 && this.topicsChanged) {
      const moves = claims.filter((row) => {
        const claim = this.index.claim(row.id);
        return claim !== undefined && claim.topic !== row.topic;
      });
      await this.topicsChanged(moves.map((row) => ({ id: row.id, topic: row.topic })));
    }
    this.correct(claims);
  }

  /** Claims another process corrected, re-filed as they now stand; ones this index already has so are left. */
  private correct(rows: readonly ClaimRecord[]): void {
    const corrections: Array<{ id: number; fields: ClaimCorrection }> = [];
    for (const row of rows) {
      const claim = this.index.claim(row.id);
      if (!claim) continue;
      const fields: Record<string, unknown> = {};
      for (const field of CORRECTABLE) if (claim[field] !== row[field]) fields[field] = row[field];
      if (Object.keys(fields).length > 0) corrections.push({ id: row.id, fields: fields as ClaimCorrection });
    }
    if (corrections.length > 0) this.index.correctAll(corrections);
  }
}

const unique = (ids: readonly number[]): number[] => [...new Set(ids)];
