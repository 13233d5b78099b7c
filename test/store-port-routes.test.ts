// Where alerts go, through the store port: follows, broken channels and briefings answer the
// same on SQLite and on Postgres (same rows, same order, same "did it change" answers).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorePort } from '../src/store/store-port.js';
import { storePortBackends } from './support/store-ports.js';

const NOW = new Date('2026-01-10T08:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

for (const backend of storePortBackends()) {
  if (backend.missing) console.warn(`SKIPPED ${backend.name} store-port tests: ${backend.missing}`);
  describe.skipIf(Boolean(backend.missing))(`routes through the store port on ${backend.name}`, () => {
    let port: StorePort;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ port, close } = await backend.open());
    });
    afterEach(() => close());
    const routes = () => port.routes;

    it('says a follow is new only the first time, and keeps the first follow time', async () => {
      expect(await routes().follow('g1', 'housing', 'c1', NOW)).toBe(true);
      expect(await routes().follow('g1', 'housing', 'c1', later(5))).toBe(false);
      expect(await routes().follows('g1')).toEqual([
        { id: expect.any(Number), guildId: 'g1', topic: 'housing', channelId: 'c1', createdAt: NOW.toISOString() },
      ]);
    });

    it('lists a server’s follows by topic in byte order, then by when they were made', async () => {
      await routes().follow('g1', 'water', 'c1', NOW);
      await routes().follow('g1', 'Zoning', 'c2', later(1));
      await routes().follow('g1', 'housing', 'c3', later(3));
      await routes().follow('g1', 'housing', 'c2', later(2));
      await routes().follow('g2', 'housing', 'c9', NOW);
      const follows = await routes().follows('g1');
      expect(follows.map((f) => [f.topic, f.channelId])).toEqual([
        ['Zoning', 'c2'],
        ['housing', 'c2'],
        ['housing', 'c3'],
        ['water', 'c1'],
      ]);
      expect(follows.every((f) => typeof f.id === 'number')).toBe(true);
    });

    it('answers channels for a topic oldest follow first, and the servers following it in order', async () => {
      await routes().follow('g2', 'housing', 'c5', NOW);
      await routes().follow('g2', 'housing', 'c4', NOW);
      await routes().follow('G1', 'housing', 'c1', NOW);
      await routes().follow('g2', 'water', 'c6', NOW);
      expect(await routes().channelsFor('g2', 'housing')).toEqual(['c5', 'c4']);
      expect(await routes().channelsFor('g2', 'transport')).toEqual([]);
      expect(await routes().guildsFollowing('housing')).toEqual(['G1', 'g2']);
      expect(await routes().guildsFollowing('transport')).toEqual([]);
    });

    it('unfollows one channel, or a whole topic, saying how much went', async () => {
      await routes().follow('g1', 'housing', 'c1', NOW);
      await routes().follow('g1', 'housing', 'c2', NOW);
      await routes().follow('g1', 'water', 'c1', NOW);
      await routes().follow('g2', 'housing', 'c1', NOW);
      expect(await routes().unfollow('g1', 'housing', 'c1')).toBe(true);
      expect(await routes().unfollow('g1', 'housing', 'c1')).toBe(false);
      expect(await routes().unfollowTopic('g1', 'housing')).toBe(1);
      expect(await routes().unfollowTopic('g1', 'housing')).toBe(0);
      expect((await routes().follows('g1')).map((f) => f.topic)).toEqual(['water']);
      expect(await routes().channelsFor('g2', 'housing')).toEqual(['c1']);
    });

    it('marks a channel broken once, keeps the first reason, and clears it', async () => {
      expect(await routes().broken('c1')).toBeUndefined();
      expect(await routes().markChannelBroken('g1', 'c1', 'Missing Access', NOW)).toBe(true);
      expect(await routes().markChannelBroken('g1', 'c1', 'Unknown Channel', later(1))).toBe(false);
      expect(await routes().broken('c1')).toEqual({
        channelId: 'c1',
        guildId: 'g1',
        reason: 'Missing Access',
        brokenAt: NOW.toISOString(),
      });
      await routes().clearBroken('c1');
      await routes().clearBroken('c1');
      expect(await routes().broken('c1')).toBeUndefined();
    });

    it('picks the notice channel among working follows: a named topic first, else the oldest', async () => {
      expect(await routes().noticeChannel('g1')).toBeUndefined();
      await routes().follow('g1', 'water', 'c1', NOW);
      await routes().follow('g1', 'housing', 'c2', NOW);
      await routes().follow('g1', 'housing', 'c3', NOW);
      await routes().follow('g2', 'water', 'c9', NOW);
      expect(await routes().noticeChannel('g1')).toBe('c1');
      expect(await routes().noticeChannel('g1', { topics: ['housing'] })).toBe('c2');
      expect(await routes().noticeChannel('g1', { topics: ['transport'] })).toBe('c1');
      expect(await routes().noticeChannel('g1', { topics: null, except: 'c1' })).toBe('c2');
      await routes().markChannelBroken('g1', 'c2', 'Missing Access', NOW);
      expect(await routes().noticeChannel('g1', { topics: ['housing'] })).toBe('c3');
      expect(await routes().noticeChannel('g1', { topics: ['housing'], except: 'c3' })).toBe('c1');
      await routes().markChannelBroken('g1', 'c1', 'Missing Access', NOW);
      expect(await routes().noticeChannel('g1', { except: 'c3' })).toBeUndefined();
    });

    it('sets a briefing from now, and a changed schedule keeps its id and last run', async () => {
      const first = await routes().setDigest('g1', 'c1', '0 8 * * *', NOW);
      expect(first).toEqual({
        id: expect.any(Number),
        guildId: 'g1',
        channelId: 'c1',
        schedule: '0 8 * * *',
        lastRunAt: NOW.toISOString(),
        createdAt: NOW.toISOString(),
      });
      await routes().markDigestRun(first.id, later(60));
      const changed = await routes().setDigest('g1', 'c1', '0 18 * * *', later(120));
      expect(changed).toEqual({ ...first, schedule: '0 18 * * *', lastRunAt: later(60).toISOString() });
      expect(await routes().digest(first.id)).toEqual(changed);
      expect(await routes().digest(first.id + 1000)).toBeUndefined();
    });

    it('lists briefings oldest first, for one server or all, and removes one once', async () => {
      const a = await routes().setDigest('g2', 'c1', '0 8 * * *', NOW);
      const b = await routes().setDigest('g1', 'c2', '0 9 * * *', NOW);
      const c = await routes().setDigest('g2', 'c3', '0 10 * * *', NOW);
      expect((await routes().digests()).map((d) => d.id)).toEqual([a.id, b.id, c.id]);
      expect(await routes().digests('g2')).toEqual([a, c]);
      expect(await routes().digests('g3')).toEqual([]);
      expect(await routes().removeDigest('g2', 'c1')).toBe(true);
      expect(await routes().removeDigest('g2', 'c1')).toBe(false);
      expect(await routes().removeDigest('g1', 'c3')).toBe(false);
      expect(await routes().digests()).toEqual([b, c]);
    });
  });
}
