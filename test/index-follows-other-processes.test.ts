// Each process on a shared Postgres keeps its own index: boot reads the store whole, and a
// follower reads the change log forward, so what another process writes is in this process's
// answers at its next catch-up. Written here with plain SQL, as another process's rows.

import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { bootFollowingIndex } from '../src/app/postgres-index.js';
import { DATA_DIR } from '../src/config.js';
import { ChangeCursor } from '../src/index/change-cursor.js';
import { IndexFollower } from '../src/index/follow.js';
import { loadLexicon } from '../src/newsroom/data-files.js';
import { pgChangeFeed } from '../src/store/pg/change-feed.js';
import { openPostgres } from '../src/store/pg/pool.js';
import { freshPostgresUrl } from './support/shared-stores.js';

const server = inject('postgres');
const missing = 'missing' in server ? server.missing : undefined;
if (missing) console.warn(`SKIPPED index-follow tests: ${missing}`);

const lexicon = loadLexicon(DATA_DIR);
const NOW = new Date('2026-01-10T08:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

type Writer = Pick<pg.Pool, 'query'>;

async function addSource(on: Writer, guildId = ''): Promise<number> {
  const { rows } = await on.query<{ id: number }>(
    `INSERT INTO sources (guild_id, name, kind, location, created_at) VALUES ($1, $2, 'folder', '/x', $3) RETURNING id`,
    [guildId, `wire ${guildId}`, NOW.toISOString()],
  );
  return rows[0]!.id;
}

/** An article with one claim of `troops` troops by `claimant`, as another process's ingest stores it. */
async function addArticle(on: Writer, sourceId: number, identity: string, troops: number, claimant: string) {
  const { rows } = await on.query<{ id: number }>(
    `INSERT INTO articles (identity, outlet, date, content_hash, ingested_at) VALUES ($1, 'Yonhap', '2026-01-09', 'h', $2)
     RETURNING id`,
    [identity, NOW.toISOString()],
  );
  const articleId = rows[0]!.id;
  await on.query('INSERT INTO article_sources (article_id, source_id) VALUES ($1, $2)', [articleId, sourceId]);
  const claim = await on.query<{ id: number }>(
    `INSERT INTO claims (article_id, position, sentence, low, high, unit, topic, status, claimant)
     VALUES ($1, 0, $2, $3, $3, 'troops', 'troops', 'reported', $4) RETURNING id`,
    [articleId, `${claimant} said ${troops} soldiers from ${identity} had crossed the border.`, troops, claimant],
  );
  return { articleId, claimId: claim.rows[0]!.id };
}

describe.skipIf(Boolean(missing))('an index following a shared Postgres store', () => {
  let pool: pg.Pool;
  beforeEach(async () => {
    if (!('url' in server)) return;
    pool = await openPostgres(await freshPostgresUrl(server.url), { max: 4 });
  });
  afterEach(() => pool.end());

  const boot = () => bootFollowingIndex(pool, lexicon, { now: NOW });

  it('boots with every claim the store holds, sentences and all', async () => {
    const source = await addSource(pool);
    const { claimId } = await addArticle(pool, source, 'kherson', 1500, 'NIS');
    const { index } = await boot();
    expect(index.claim(claimId)?.sentence).toContain('1500 soldiers from kherson');
    expect(index.claimsBy('NIS').map((c) => c.id)).toEqual([claimId]);
    expect(index.search('kherson', 5, null).map((h) => h.claim.id)).toEqual([claimId]);
  });

  it("takes in another process's new article, its link and a correction at the next catch-up", async () => {
    const source = await addSource(pool);
    const { index, follower } = await boot();
    const { articleId, claimId } = await addArticle(pool, source, 'kursk', 12000, 'NIS');
    expect(index.claim(claimId)).toBeUndefined();
    expect(await follower.catchUp(later(1))).toBeGreaterThan(0);
    expect(index.search('kursk', 5, null).map((h) => h.claim.id)).toEqual([claimId]);
    expect(index.canSee(articleId, 'newsroom-a')).toBe(true);

    await pool.query(`UPDATE claims SET claimant = 'Zelenskyy', low = 10000, high = 10000 WHERE id = $1`, [claimId]);
    await follower.catchUp(later(2));
    expect(index.claim(claimId)).toMatchObject({ claimant: 'Zelenskyy', low: 10000 });
    expect(index.claimsBy('Zelenskyy').map((c) => c.id)).toEqual([claimId]);
    expect(index.claimsBy('NIS')).toEqual([]);
  });

  it('widens who sees an article when another process links it to a server of its own', async () => {
    const own = await addSource(pool, 'newsroom-a');
    const { articleId } = await addArticle(pool, own, 'donetsk', 300, 'NIS');
    const { index, follower } = await boot();
    expect(index.canSee(articleId, 'newsroom-b')).toBe(false);
    const other = await addSource(pool, 'newsroom-b');
    await pool.query('INSERT INTO article_sources (article_id, source_id) VALUES ($1, $2)', [articleId, other]);
    await follower.catchUp(later(1));
    expect(index.canSee(articleId, 'newsroom-b')).toBe(true);
  });

  it('counts nothing twice when the log names what the index already holds', async () => {
    const source = await addSource(pool);
    const { index, follower } = await boot();
    await addArticle(pool, source, 'belgorod', 500, 'NIS');
    await follower.catchUp(later(1));
    const counted = index.claimCount();
    const again = new IndexFollower(index, pgChangeFeed(pool), new ChangeCursor(0));
    await again.catchUp(later(2));
    expect(index.claimCount()).toBe(counted);
    expect(index.claimsBy('NIS')).toHaveLength(1);
  });

  it('finds a write that committed after a later one it had already read', async () => {
    const source = await addSource(pool);
    const { index, follower } = await boot();
    const slow = await pool.connect();
    try {
      await slow.query('BEGIN');
      const first = await addArticle(slow, source, 'first', 100, 'NIS');
      const second = await addArticle(pool, source, 'second', 200, 'NIS');
      await follower.catchUp(later(1));
      expect(index.claim(second.claimId)).toBeDefined();
      expect(index.claim(first.claimId)).toBeUndefined();
      await slow.query('COMMIT');
      await follower.catchUp(later(2));
      expect(index.claim(first.claimId)?.sentence).toContain('first');
    } finally {
      slow.release();
    }
  });
});
