import pg from 'pg';
import { migratePostgres } from './schema.js';

const INT8 = 20;

/**
 * A pool on DATABASE_URL, migrated. Ids and counts come back as numbers, as from SQLite: int8
 * would otherwise arrive as strings, and no claimwatch id comes near 2^53.
 */
export async function openPostgres(
  url: string,
  options: { max?: number; applicationName?: string } = {},
): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'claimwatch',
    types: { getTypeParser: (oid, format) => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) },
  });
  const client = await pool.connect();
  try {
    await migratePostgres(client);
  } finally {
    client.release();
  }
  return pool;
}
