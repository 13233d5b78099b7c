import type { GuildScope } from '../records.js';
import {
  BROKEN_COLUMNS,
  type BrokenChannel,
  DIGEST_COLUMNS,
  type Digest,
  FOLLOW_COLUMNS,
  type Follow,
  type Routes,
} from '../routes.js';
import type { AsyncBook } from '../store-port.js';
import type { Queryable } from './transaction.js';

/**
 * Where a server's alerts go, on Postgres. Text is ordered byte by byte (COLLATE "C"), as SQLite
 * orders it, whatever the database's locale.
 */
export class PgRoutes implements AsyncBook<Routes> {
  constructor(private readonly on: Queryable) {}

  async follow(guildId: GuildScope, topic: string, channelId: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.on.query(
      `INSERT INTO follows (guild_id, topic, channel_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [guildId, topic, channelId, now.toISOString()],
    );
    return (rowCount ?? 0) > 0;
  }

  async unfollow(guildId: GuildScope, topic: string, channelId: string): Promise<boolean> {
    const { rowCount } = await this.on.query(
      'DELETE FROM follows WHERE guild_id = $1 AND topic = $2 AND channel_id = $3',
      [guildId, topic, channelId],
    );
    return (rowCount ?? 0) > 0;
  }

  async unfollowTopic(guildId: GuildScope, topic: string): Promise<number> {
    const { rowCount } = await this.on.query('DELETE FROM follows WHERE guild_id = $1 AND topic = $2', [
      guildId,
      topic,
    ]);
    return rowCount ?? 0;
  }

  async follows(guildId: GuildScope): Promise<Follow[]> {
    const { rows } = await this.on.query<Follow>(
      `SELECT ${FOLLOW_COLUMNS} FROM follows WHERE guild_id = $1
       ORDER BY topic COLLATE "C", created_at COLLATE "C", id`,
      [guildId],
    );
    return rows;
  }

  async channelsFor(guildId: GuildScope, topic: string): Promise<string[]> {
    const { rows } = await this.on.query<{ c: string }>(
      'SELECT channel_id AS c FROM follows WHERE guild_id = $1 AND topic = $2 ORDER BY id',
      [guildId, topic],
    );
    return rows.map((r) => r.c);
  }

  async guildsFollowing(topic: string): Promise<GuildScope[]> {
    const { rows } = await this.on.query<{ g: string }>(
      'SELECT DISTINCT guild_id COLLATE "C" AS g FROM follows WHERE topic = $1 ORDER BY 1',
      [topic],
    );
    return rows.map((r) => r.g);
  }

  /** As on SQLite: the oldest working follow of one of the topics, else the oldest working follow. */
  async noticeChannel(
    guildId: GuildScope,
    options: { topics?: readonly string[] | null; except?: string } = {},
  ): Promise<string | undefined> {
    const { rows } = await this.on.query<{ topic: string; channelId: string }>(
      `SELECT topic, channel_id AS "channelId" FROM follows f
       WHERE guild_id = $1 AND NOT EXISTS (SELECT 1 FROM broken_channels b WHERE b.channel_id = f.channel_id)
       ORDER BY id`,
      [guildId],
    );
    const usable = rows.filter((f) => f.channelId !== options.except);
    return (usable.find((f) => options.topics?.includes(f.topic)) ?? usable[0])?.channelId;
  }

  async markChannelBroken(guildId: GuildScope, channelId: string, reason: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.on.query(
      `INSERT INTO broken_channels (channel_id, guild_id, reason, broken_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [channelId, guildId, reason, now.toISOString()],
    );
    return (rowCount ?? 0) > 0;
  }

  async clearBroken(channelId: string): Promise<void> {
    await this.on.query('DELETE FROM broken_channels WHERE channel_id = $1', [channelId]);
  }

  async broken(channelId: string): Promise<BrokenChannel | undefined> {
    const { rows } = await this.on.query<BrokenChannel>(
      `SELECT ${BROKEN_COLUMNS} FROM broken_channels WHERE channel_id = $1`,
      [channelId],
    );
    return rows[0];
  }

  /** One statement: the upsert answers with the row as it now stands, new or changed. */
  async setDigest(guildId: GuildScope, channelId: string, schedule: string, now: Date): Promise<Digest> {
    const at = now.toISOString();
    const { rows } = await this.on.query<Digest>(
      `INSERT INTO digests (guild_id, channel_id, schedule, last_run_at, created_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (guild_id, channel_id) DO UPDATE SET schedule = excluded.schedule
       RETURNING ${DIGEST_COLUMNS}`,
      [guildId, channelId, schedule, at],
    );
    return rows[0]!;
  }

  async removeDigest(guildId: GuildScope, channelId: string): Promise<boolean> {
    const { rowCount } = await this.on.query('DELETE FROM digests WHERE guild_id = $1 AND channel_id = $2', [
      guildId,
      channelId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async digests(guildId?: GuildScope): Promise<Digest[]> {
    const { rows } =
      guildId === undefined
        ? await this.on.query<Digest>(`SELECT ${DIGEST_COLUMNS} FROM digests ORDER BY id`)
        : await this.on.query<Digest>(`SELECT ${DIGEST_COLUMNS} FROM digests WHERE guild_id = $1 ORDER BY id`, [
            guildId,
          ]);
    return rows;
  }

  async digest(id: number): Promise<Digest | undefined> {
    const { rows } = await this.on.query<Digest>(`SELECT ${DIGEST_COLUMNS} FROM digests WHERE id = $1`, [id]);
    return rows[0];
  }

  async markDigestRun(id: number, at: Date): Promise<void> {
    await this.on.query('UPDATE digests SET last_run_at = $1 WHERE id = $2', [at.toISOString(), id]);
  }
}
