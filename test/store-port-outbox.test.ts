// Alert decisions and the outbox through the store port: the same ids, rows, order and leases on
// SQLite and on Postgres, where two deliverers claiming at once take different rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewMessage, OutboxMessage } from '../src/store/outbox.js';
import type { StorePort } from '../src/store/store-port.js';
import { openWithClaims, type SeededClaim } from './support/port-with-claims.js';
import { storePortBackends } from './support/store-ports.js';

const NOW = new Date('2026-01-10T08:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const alert = (channelId: string, extra: Partial<NewMessage> = {}): NewMessage => ({
  guildId: 'g1',
  channelId,
  kind: 'alert',
  payload: `{"to":"${channelId}"}`,
  ...extra,
});

for (const backend of storePortBackends()) {
  if (backend.missing) console.warn(`SKIPPED ${backend.name} store-port tests: ${backend.missing}`);
  describe.skipIf(Boolean(backend.missing))(`the outbox through the store port on ${backend.name}`, () => {
    let port: StorePort;
    let claim: () => Promise<SeededClaim>;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ port, claim, close } = await openWithClaims(backend));
    });
    afterEach(() => close());
    const outbox = () => port.outbox;

    it('records a decision once per server and key, answering null the second time', async () => {
      const c = await claim();
      const first = await outbox().decide('g1', 'k1', c.claimId, c.articleId, 'queued', NOW);
      expect(first).toEqual(expect.any(Number));
      expect(await outbox().decide('g1', 'k1', c.claimId, c.articleId, 'folded', later(1))).toBeNull();
      const other = await outbox().decide('g2', 'k1', c.claimId, c.articleId, 'no-followers', NOW);
      expect(other).toBeGreaterThan(first!);
      expect(await outbox().decisionsFor('g1', [c.claimId])).toEqual([
        {
          id: first,
          guildId: 'g1',
          alertKey: 'k1',
          claimId: c.claimId,
          articleId: c.articleId,
          outcome: 'queued',
          decidedAt: NOW.toISOString(),
        },
      ]);
    });

    it('lists a server’s decisions for the claims asked about, oldest first', async () => {
      const [a, b, c] = [await claim(), await claim(), await claim()];
      const d1 = await outbox().decide('g1', 'kb', b.claimId, b.articleId, 'queued', NOW);
      const d2 = await outbox().decide('g1', 'ka', a.claimId, a.articleId, 'folded', NOW);
      await outbox().decide('g1', 'kc', c.claimId, c.articleId, 'queued', NOW);
      await outbox().decide('g2', 'ka', a.claimId, a.articleId, 'queued', NOW);
      const found = await outbox().decisionsFor('g1', [a.claimId, b.claimId]);
      expect(found.map((d) => d.id)).toEqual([d1, d2]);
      expect(await outbox().decisionsFor('g1', [])).toEqual([]);
      expect(await outbox().decisionsFor('g3', [a.claimId])).toEqual([]);
    });

    it('queues a message as pending, with a nonce of its own and nothing sent yet', async () => {
      const id = await outbox().enqueue(alert('c1', { folded: true }), NOW);
      const second = await outbox().enqueue(alert('c1'), later(1));
      expect(second).toBeGreaterThan(id);
      const [first, next] = await outbox().pendingFor('c1');
      expect(first).toEqual({
        id,
        guildId: 'g1',
        channelId: 'c1',
        kind: 'alert',
        decisionId: null,
        payload: '{"to":"c1"}',
        folded: true,
        nonce: expect.stringMatching(/^[0-9a-f]{16}$/),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: NOW.toISOString(),
        createdAt: NOW.toISOString(),
        sentAt: null,
        messageId: null,
        lastError: null,
      });
      expect(next!.folded).toBe(false);
      expect(next!.nonce).not.toBe(first!.nonce);
      expect(await outbox().pendingFor('c2')).toEqual([]);
      expect(await outbox().pendingCount()).toBe(2);
    });

    it('finds the messages of the decisions asked about, oldest first', async () => {
      const c = await claim();
      const d1 = (await outbox().decide('g1', 'k1', c.claimId, c.articleId, 'queued', NOW))!;
      const d2 = (await outbox().decide('g1', 'k2', c.claimId, c.articleId, 'queued', NOW))!;
      const m1 = await outbox().enqueue(alert('c2', { decisionId: d2 }), NOW);
      const m2 = await outbox().enqueue(alert('c1', { decisionId: d1 }), NOW);
      await outbox().enqueue(alert('c1'), NOW);
      expect((await outbox().messagesFor([d1, d2])).map((m) => [m.id, m.decisionId])).toEqual([
        [m1, d2],
        [m2, d1],
      ]);
      expect(await outbox().messagesFor([])).toEqual([]);
    });

    it('claims only due rows, oldest first, up to the limit', async () => {
      const a = await outbox().enqueue(alert('c1'), NOW);
      const b = await outbox().enqueue(alert('c2'), NOW);
      const c = await outbox().enqueue(alert('c3'), NOW);
      await outbox().enqueue(alert('c4'), later(10));
      const taken = await outbox().claimDue('d1', later(1), later(2), 2);
      expect(taken.map((m) => m.id)).toEqual([a, b]);
      expect((await outbox().claimDue('d1', later(1), later(2))).map((m) => m.id)).toEqual([a, b, c]);
    });

    it('keeps leased rows from another holder until the lease ends; the holder takes its own back', async () => {
      const a = await outbox().enqueue(alert('c1'), NOW);
      expect((await outbox().claimDue('d1', NOW, later(5))).map((m) => m.id)).toEqual([a]);
      expect(await outbox().claimDue('d2', later(4), later(9))).toEqual([]);
      expect((await outbox().claimDue('d1', later(4), later(9))).map((m) => m.id)).toEqual([a]);
      expect(await outbox().claimDue('d2', later(8), later(12))).toEqual([]);
      expect((await outbox().claimDue('d2', later(9), later(14))).map((m) => m.id)).toEqual([a]);
    });

    it('gives a deliverer claiming beside an open claim the other rows, not the same ones', async () => {
      for (let i = 0; i < 20; i++) await outbox().enqueue(alert(`c${i}`), NOW);
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let claimed!: (rows: OutboxMessage[]) => void;
      const first = new Promise<OutboxMessage[]>((resolve) => {
        claimed = resolve;
      });
      const open = port.transaction(async (tx) => {
        claimed(await tx.outbox.claimDue('d1', NOW, later(5), 12));
        await released;
      });
      const one = await first;
      const beside = outbox().claimDue('d2', NOW, later(5), 12);
      try {
        if (port.backend === 'postgres') {
          // Rows the open claim holds are skipped, not waited on (SQLite's call waits its turn instead).
          const answered = await Promise.race([
            beside.then(() => true),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
          ]);
          expect(answered).toBe(true);
        }
      } finally {
        release();
        await open;
      }
      const taken = [...one, ...(await beside)].map((m) => m.id);
      expect(one).toHaveLength(12);
      expect(new Set(taken).size).toBe(20);
      expect(taken).toHaveLength(20);
    });

    it('counts an attempt, then marks the rows sent and out of the queue', async () => {
      const c = await claim();
      const decision = (await outbox().decide('g1', 'k', c.claimId, c.articleId, 'queued', NOW))!;
      const a = await outbox().enqueue(alert('c1', { decisionId: decision }), NOW);
      const b = await outbox().enqueue(alert('c1'), NOW);
      const rest = await outbox().enqueue(alert('c1'), NOW);
      await outbox().claimDue('d1', NOW, later(5));
      await outbox().beginAttempt([a, b]);
      expect((await outbox().pendingFor('c1')).map((m) => [m.attempts, m.lastError])).toEqual([
        [1, 'sent; no answer from Discord yet'],
        [1, 'sent; no answer from Discord yet'],
        [0, null],
      ]);
      await outbox().markSent([a, b], 'm-1', later(1));
      expect((await outbox().pendingFor('c1')).map((m) => m.id)).toEqual([rest]);
      expect(await outbox().pendingCount()).toBe(1);
      expect(await outbox().messagesFor([decision])).toMatchObject([
        { id: a, status: 'sent', attempts: 1, sentAt: later(1).toISOString(), messageId: 'm-1', lastError: null },
      ]);
      await outbox().markSent([rest], null, later(2));
      expect(await outbox().pendingCount()).toBe(0);
    });

    it('puts a failed send back for later, free for any holder once it is due', async () => {
      const a = await outbox().enqueue(alert('c1'), NOW);
      await outbox().claimDue('d1', NOW, later(30));
      await outbox().retryLater([a], 'HTTP 500', later(5));
      const [waiting] = await outbox().pendingFor('c1');
      expect(waiting).toMatchObject({ lastError: 'HTTP 500', nextAttemptAt: later(5).toISOString() });
      expect(await outbox().claimDue('d2', later(4), later(9))).toEqual([]);
      expect((await outbox().claimDue('d2', later(5), later(9))).map((m) => m.id)).toEqual([a]);
    });

    it('sets aside rows a channel refuses for good: never pending or claimed again', async () => {
      const c = await claim();
      const decision = (await outbox().decide('g1', 'k', c.claimId, c.articleId, 'queued', NOW))!;
      const a = await outbox().enqueue(alert('c1', { decisionId: decision }), NOW);
      await outbox().claimDue('d1', NOW, later(5));
      await outbox().setAside([a], 'Missing Access');
      expect(await outbox().pendingFor('c1')).toEqual([]);
      expect(await outbox().pendingCount()).toBe(0);
      expect(await outbox().claimDue('d1', later(60), later(65))).toEqual([]);
      expect(await outbox().messagesFor([decision])).toMatchObject([{ status: 'broken', lastError: 'Missing Access' }]);
    });
  });
}
