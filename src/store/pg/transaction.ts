import type pg from 'pg';

/** What a Postgres part runs its statements on: the pool, or the client of an open transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/**
 * A transaction on one client of the pool; `work` gets that client to build the parts it writes
 * with. A nested call on the same client becomes a savepoint, as better-sqlite3 makes them, so
 * code written for SQLite's nested transactions keeps its meaning.
 */
export async function pgTransaction<T>(
  on: pg.Pool | TransactionClient,
  work: (client: TransactionClient) => Promise<T>,
): Promise<T> {
  if (on instanceof TransactionClient) return on.savepoint(work);
  const client = await on.connect();
  try {
    await client.query('BEGIN');
    const result = await work(new TransactionClient(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export class TransactionClient implements Queryable {
  private depth = 0;

  constructor(private readonly client: pg.PoolClient) {}

  query: pg.Pool['query'] = ((...args: Parameters<pg.PoolClient['query']>) =>
    (this.client.query as (...a: unknown[]) => unknown)(...args)) as pg.Pool['query'];

  async savepoint<T>(work: (client: TransactionClient) => Promise<T>): Promise<T> {
    const name = `nested_${++this.depth}`;
    await this.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await work(this);
      await this.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    } finally {
      this.depth--;
    }
  }
}
