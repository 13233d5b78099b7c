// Edits to posted alerts through the store port: which messages a claim raised, which edits are
// due and in what order, and how an edit is done, retried or given up, the same on both stores.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostedAlert } from '../src/store/message-edits.js';
import type { StorePort } from '../src/store/store-port.js';
import { openWithClaims, type SeededClaim } from './support/port-with-claims.js';
import { storePortBackends } from './support/store-ports.js';

const NOW = new Date('2026-01-10T08:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

for (const backend of storePortBackends()) {
  if (backend.missing) console.warn(`SKIPPED ${backend.name} store-port tests: ${backend.missing}`);
  describe.skipIf(Boolean(backend.missing))(`alert edits through the store port on ${backend.name}`, () => {
    let port: StorePort;
    let claim: () => Promise<SeededClaim>;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ port, claim, close } = await openWithClaims(backend));
    });
    afterEach(() => close());
    const edits = () => port.edits;

    /** An alert for the claim in the server, queued and (unless `pending`) posted as `messageId`. */
    async function posted(
      c: SeededClaim,
      guildId: string,
      channelId: string,
      options: { key?: string; folded?: boolean; pending?: boolean; messageId?: string | null } = {},
    ): Promise<number> {
      const key = options.key ?? `k-${c.claimId}`;
      const decision =
        (await port.outbox.decide(guildId, key, c.claimId, c.articleId, 'queued', NOW)) ??
        (await port.outbox.decisionsFor(guildId, [c.claimId])).find((d) => d.alertKey === key)!.id;
      const id = await port.outbox.enqueue(
        { guildId, channelId, kind: 'alert', decisionId: decision, payload: 'v1', folded: options.folded },
        NOW,
      );
      if (!options.pending)
        await port.outbox.markSent([id], options.messageId === undefined ? `m-${id}` : options.messageId, NOW);
      return id;
    }
    const alertOf = async (c: SeededClaim, id: number): Promise<PostedAlert> =>
      (await edits().alertsOf(c.claimId)).find((a) => a.id === id)!;

    it('lists every alert message a claim raised, in any server, oldest first, and no notices', async () => {
      const c = await claim();
      const other = await claim();
      const a = await posted(c, 'g2', 'c1');
      const b = await posted(c, 'g1', 'c2', { folded: true, pending: true });
      await posted(other, 'g1', 'c2');
      const decision = (await port.outbox.decisionsFor('g1', [c.claimId]))[0]!.id;
      await port.outbox.enqueue(
        { guildId: 'g1', channelId: 'c3', kind: 'notice', decisionId: decision, payload: 'n' },
        NOW,
      );
      const alerts = await edits().alertsOf(c.claimId);
      expect(alerts).toEqual([
        {
          id: a,
          guildId: 'g2',
          channelId: 'c1',
          payload: 'v1',
          status: 'sent',
          folded: false,
          messageId: `m-${a}`,
          nonce: expect.stringMatching(/^[0-9a-f]{16}$/),
          editAttempts: 0,
        },
        expect.objectContaining({ id: b, status: 'pending', folded: true, messageId: null }),
      ]);
      expect(await edits().alertsOf(c.claimId + 1000)).toEqual([]);
    });

    it('names the claim that raised a server’s alert, but not one that found no followers', async () => {
      const c = await claim();
      await port.outbox.decide('g1', 'k1', c.claimId, c.articleId, 'folded', NOW);
      await port.outbox.decide('g1', 'k2', c.claimId, c.articleId, 'no-followers', NOW);
      expect(await edits().alertingClaim('g1', 'k1')).toBe(c.claimId);
      expect(await edits().alertingClaim('g1', 'k2')).toBeUndefined();
      expect(await edits().alertingClaim('g2', 'k1')).toBeUndefined();
    });

    it('revises the payload always, and makes an edit due only for a message posted on its own', async () => {
      const c = await claim();
      const sent = await posted(c, 'g1', 'c1');
      const folded = await posted(c, 'g2', 'c1', { folded: true });
      const pending = await posted(c, 'g3', 'c1', { pending: true });
      const noId = await posted(c, 'g4', 'c1', { messageId: null });
      for (const id of [sent, folded, pending, noId]) await edits().revise(await alertOf(c, id), 'v2', NOW);
      expect((await edits().alertsOf(c.claimId)).map((a) => a.payload)).toEqual(['v2', 'v2', 'v2', 'v2']);
      expect((await edits().due(later(1))).map((a) => a.id)).toEqual([sent]);
      expect(await edits().due(new Date(NOW.getTime() - 1))).toEqual([]);
    });

    it('answers due edits by when they fell due, then by id, up to the limit', async () => {
      const c = await claim();
      const a = await posted(c, 'g1', 'c1');
      const b = await posted(c, 'g2', 'c1');
      const d = await posted(c, 'g3', 'c1');
      await edits().revise(await alertOf(c, d), 'v2', NOW);
      await edits().revise(await alertOf(c, b), 'v2', later(2));
      await edits().revise(await alertOf(c, a), 'v2', later(2));
      expect((await edits().due(later(2))).map((x) => x.id)).toEqual([d, a, b]);
      expect((await edits().due(later(2), 2)).map((x) => x.id)).toEqual([d, a]);
      expect((await edits().due(later(1))).map((x) => x.id)).toEqual([d]);
    });

    it('keeps a revised edit due at its first time, and a later revision sends with it', async () => {
      const c = await claim();
      const a = await posted(c, 'g1', 'c1');
      await edits().revise(await alertOf(c, a), 'v2', NOW);
      await edits().revise(await alertOf(c, a), 'v3', later(5));
      expect(await edits().due(later(5))).toMatchObject([{ id: a, payload: 'v3' }]);
    });

    it('retries an edit later counting the attempt, and a done edit is due no more', async () => {
      const c = await claim();
      const a = await posted(c, 'g1', 'c1');
      await edits().revise(await alertOf(c, a), 'v2', NOW);
      await edits().retryLater(a, later(10));
      await edits().retryLater(a, later(20));
      expect(await edits().due(later(19))).toEqual([]);
      expect(await edits().due(later(20))).toMatchObject([{ id: a, editAttempts: 2 }]);
      await edits().edited(a, later(21));
      expect(await edits().due(later(60))).toEqual([]);
      expect(await alertOf(c, a)).toMatchObject({ payload: 'v2', editAttempts: 0 });
    });

    it('gives up an edit Discord refuses, keeping the corrected payload', async () => {
      const c = await claim();
      const a = await posted(c, 'g1', 'c1');
      await edits().revise(await alertOf(c, a), 'v2', NOW);
      await edits().retryLater(a, later(1));
      await edits().giveUp(a);
      expect(await edits().due(later(60))).toEqual([]);
      expect(await alertOf(c, a)).toMatchObject({ payload: 'v2', editAttempts: 1 });
    });
  });
}
