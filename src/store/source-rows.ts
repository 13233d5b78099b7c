import type { SourceRecord } from './records.js';

/** Aliases quoted, so Postgres keeps their case as SQLite does. */
export const SOURCE_COLUMNS = `id, guild_id AS "guildId", name, kind, location, topics, paused, paused_reason AS "pausedReason",
  removed_at AS "removedAt", failure_notice AS "failureNotice", created_at AS "createdAt"`;

export type SourceRow = Omit<SourceRecord, 'topics' | 'paused' | 'failureNotice'> & {
  topics: string | null;
  paused: number;
  failureNotice: number;
};

export const toSource = (row: SourceRow): SourceRecord => ({
  ...row,
  topics: row.topics ? (JSON.parse(row.topics) as string[]) : null,
  paused: row.paused === 1,
  failureNotice: row.failureNotice === 1,
});
