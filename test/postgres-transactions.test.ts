// Transactions on the Postgres store keep SQLite's meaning: all or nothing, and a nested one is
// a savepoint whose failure undoes only itself.
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promisify } from '../src/store/async-port.js';
import { openPostgres } from '../src/store/pg/pool.js';
import { pgTransaction } from '../src/store/pg/transaction.js';
import { postgresForTests } from './support/shared-stores.js';

const server = postgresForTests();
let pool: pg.Pool;
beforeEach(async () => {
  if (server.url) pool = await openPostgres(await server.freshDatabase());
});
afterEach(async () => {
  await pool?.end();
});

const names = async () =>
  (await pool.query<{ name: string }>('SELECT name FROM names ORDER BY name')).rows.map((r) => r.name);
const insert = (on: pg.Pool | { query: pg.Pool['query'] }, name: string) =>
  on.query(`INSERT INTO names (guild_id, alias, name) VALUES ('', $1, $1)`, [name]);

describe.skipIf(!server.url)('a Postgres transaction', () => {
  it('writes everything or, when its work throws, nothing', async () => {
    await pgTransaction(pool, async (tx) => {
      await insert(tx, 'a');
      await insert(tx, 'b');
    });
    await expect(
      pgTransaction(pool, async (tx) => {
        await insert(tx, 'c');
        throw new Error('mid-ingest crash');
      }),
    ).rejects.toThrow('mid-ingest crash');
    expect(await names()).toEqual(['a', 'b']);
  });

  it('undoes only a nested transaction that fails, as a savepoint', async () => {
    await pgTransaction(pool, async (tx) => {
      await insert(tx, 'outer');
      await pgTransaction(tx, async (inner) => {
        await insert(inner, 'kept');
      });
      await pgTransaction(tx, async (inner) => {
        await insert(inner, 'undone');
        throw new Error('nested failure');
      }).catch(() => undefined);
    });
    expect(await names()).toEqual(['kept', 'outer']);
  });
});

describe('a SQLite part behind its port', () => {
  it('answers with a promise, and a throw becomes a rejection', async () => {
    const part = promisify({
      twice: (n: number) => n * 2,
      fail: (): number => {
        throw new Error('refused');
      },
    });
    expect(await part.twice(21)).toBe(42);
    await expect(part.fail()).rejects.toThrow('refused');
  });
});
