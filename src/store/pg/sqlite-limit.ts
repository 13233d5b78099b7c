/** SQLite's LIMIT on Postgres: a negative one means none there, which Postgres says with NULL (it refuses a negative one). */
export const sqliteLimit = (limit: number): number | null => (limit < 0 ? null : limit);
