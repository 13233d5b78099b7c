import type Database from 'better-sqlite3';
import type { GuildScope } from './records.js';
import { statementCache } from './statements.js';

export interface Follow {
  id: number;
  guildId: GuildScope;
  topic: string;
  channelId: string;
  createdAt: string;
}

export interface BrokenChannel {
  channelId: string;
  guildId: GuildScope;
  reason: string;
  brokenAt: string;
}

export interface Digest {
  id: number;
  guildId: GuildScope;
  channelId: string;
  /** A cron expression, in ALERT_TZ. */
  schedule: string;
  /** The briefing covers what is new since this time. */
  lastRunAt: string;
  createdAt: string;
}

/** Column lists shared with Postgres; the aliases are quoted so Postgres keeps their case, as SQLite does. */
export const FOLLOW_COLUMNS = 'id, guild_id AS "guildId", topic, channel_id AS "channelId", created_at AS "createdAt"';
export const DIGEST_COLUMNS =
  'id, guild_id AS "guildId", channel_id AS "channelId", schedule, last_run_at AS "lastRunAt", created_at AS "createdAt"';
export const BROKEN_COLUMNS = 'channel_id AS "channelId", guild_id AS "guildId", reason, broken_at AS "brokenAt"';

/** Where a server's alerts go: followed topics per channel, broken channels, scheduled briefings. */
export class Routes {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  /** True when the channel did not follow the topic before. */
  follow(guildId: GuildScope, topic: string, channelId: string, now: Date): boolean {
    return (
      this.sql('INSERT OR IGNORE INTO follows (guild_id, topic, channel_id, created_at) VALUES (?, ?, ?, ?)').run(
        guildId,
        topic,
        channelId,
        now.toISOString(),
      ).changes > 0
    );
  }

  /** True when the channel followed the topic. */
  unfollow(guildId: GuildScope, topic: string, channelId: string): boolean {
    return (
      this.sql('DELETE FROM follows WHERE guild_id = ? AND topic = ? AND channel_id = ?').run(guildId, topic, channelId)
        .changes > 0
    );
  }

  /** A removed topic's follows go with it. */
  unfollowTopic(guildId: GuildScope, topic: string): number {
    return this.sql('DELETE FROM follows WHERE guild_id = ? AND topic = ?').run(guildId, topic).changes;
  }

  follows(guildId: GuildScope): Follow[] {
    return this.sql(`SELECT ${FOLLOW_COLUMNS} FROM follows WHERE guild_id = ? ORDER BY topic, created_at, id`).all(
      guildId,
    ) as Follow[];
  }

  /** Channels of the server that follow the topic, oldest follow first. */
  channelsFor(guildId: GuildScope, topic: string): string[] {
    return (
      this.sql('SELECT channel_id AS c FROM follows WHERE guild_id = ? AND topic = ? ORDER BY id').all(
        guildId,
        topic,
      ) as Array<{ c: string }>
    ).map((r) => r.c);
  }

  /** Servers with at least one channel following the topic. */
  guildsFollowing(topic: string): GuildScope[] {
    return (
      this.sql('SELECT DISTINCT guild_id AS g FROM follows WHERE topic = ? ORDER BY guild_id').all(topic) as Array<{
        g: string;
      }>
    ).map((r) => r.g);
  }

  /**
   * Where a server's moderators hear about its sources and channels: the oldest working channel
   * following one of these topics, else its oldest working alert channel.
   */
  noticeChannel(
    guildId: GuildScope,
    options: { topics?: readonly string[] | null; except?: string } = {},
  ): string | undefined {
    const usable = this.follows(guildId)
      .filter((f) => f.channelId !== options.except && !this.broken(f.channelId))
      .sort((a, b) => a.id - b.id);
    return (usable.find((f) => options.topics?.includes(f.topic)) ?? usable[0])?.channelId;
  }

  markChannelBroken(guildId: GuildScope, channelId: string, reason: string, now: Date): boolean {
    return (
      this.sql(
        'INSERT OR IGNORE INTO broken_channels (channel_id, guild_id, reason, broken_at) VALUES (?, ?, ?, ?)',
      ).run(channelId, guildId, reason, now.toISOString()).changes > 0
    );
  }

  /** A moderator following a channel again is the sign it was mended. */
  clearBroken(channelId: string): void {
    this.sql('DELETE FROM broken_channels WHERE channel_id = ?').run(channelId);
  }

  broken(channelId: string): BrokenChannel | undefined {
    return this.sql(`SELECT ${BROKEN_COLUMNS} FROM broken_channels WHERE channel_id = ?`).get(channelId) as
      | BrokenChannel
      | undefined;
  }

  /** Sets the channel's briefing schedule: a new briefing covers what is new from now, a changed one keeps its mark. */
  setDigest(guildId: GuildScope, channelId: string, schedule: string, now: Date): Digest {
    const at = now.toISOString();
    this.sql(`INSERT INTO digests (guild_id, channel_id, schedule, last_run_at, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (guild_id, channel_id) DO UPDATE SET schedule = excluded.schedule`).run(
      guildId,
      channelId,
      schedule,
      at,
      at,
    );
    return this.sql(`SELECT ${DIGEST_COLUMNS} FROM digests WHERE guild_id = ? AND channel_id = ?`).get(
      guildId,
      channelId,
    ) as Digest;
  }

  removeDigest(guildId: GuildScope, channelId: string): boolean {
    return this.sql('DELETE FROM digests WHERE guild_id = ? AND channel_id = ?').run(guildId, channelId).changes > 0;
  }

  digests(guildId?: GuildScope): Digest[] {
    if (guildId === undefined) return this.sql(`SELECT ${DIGEST_COLUMNS} FROM digests ORDER BY id`).all() as Digest[];
    return this.sql(`SELECT ${DIGEST_COLUMNS} FROM digests WHERE guild_id = ? ORDER BY id`).all(guildId) as Digest[];
  }

  digest(id: number): Digest | undefined {
    return this.sql(`SELECT ${DIGEST_COLUMNS} FROM digests WHERE id = ?`).get(id) as Digest | undefined;
  }

  markDigestRun(id: number, at: Date): void {
    this.sql('UPDATE digests SET last_run_at = ? WHERE id = ?').run(at.toISOString(), id);
  }
}
