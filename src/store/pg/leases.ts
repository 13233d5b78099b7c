import type { Leases } from '../leases-port.js';
import type { Queryable } from './transaction.js';

/** Leases in one table: taking one is a single statement, so two processes asking at once cannot both win. */
export class PgLeases implements Leases {
  constructor(private readonly pool: Queryable) {}

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
       WHERE leases.holder = EXCLUDED.holder OR leases.until <= $4`,
      [name, holder, new Date(now.getTime() + ttlMs).toISOString(), now.toISOString()],
    );
    return rowCount === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.pool.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
  }

  async holder(name: string, now: Date): Promise<string | null> {
    const { rows } = await this.pool.query<{ holder: string }>(
      'SELECT holder FROM leases WHERE name = $1 AND until > $2',
      [name, now.toISOString()],
    );
    return rows[0]?.holder ?? null;
  }
}
