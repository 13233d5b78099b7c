// The ports several processes share, held to one contract on both stores: an outbox row goes to
// one deliverer at a time, and one process at a time holds a lease (the poller's).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Backend,
  leaseEnd,
  type SharedStore,
  type SharedStoreProcess,
  sharedStoreBackends,
} from './support/shared-stores.js';

const NOW = new Date('2026-01-10T08:00:00Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const LEASE_MS = 60_000;

const message = (n: number) => ({
  guildId: 'g1',
  channelId: `c${n % 7}`,
  kind: 'alert' as const,
  payload: JSON.stringify({ n }),
});

for (const backend of sharedStoreBackends()) {
  if (backend.missing) console.warn(`SKIPPED ${backend.name} shared-store tests: ${backend.missing}`);
  describe.skipIf(Boolean(backend.missing))(`the shared outbox on ${backend.name}`, () => {
    const rig = useSharedStore(backend);

    it('hands a claimed row to no other deliverer until its lease ends, then to the next one, counted as in doubt', async () => {
      const [a, b] = [await rig.process(), await rig.process()];
      const id = await a.outbox.enqueue(message(1), NOW);
      expect((await a.outbox.claimDue('a', NOW, leaseEnd(NOW, LEASE_MS))).map((m) => m.id)).toEqual([id]);
      await a.outbox.beginAttempt([id]);
      expect(await b.outbox.claimDue('b', at(30), leaseEnd(at(30), LEASE_MS))).toEqual([]);
      const [taken] = await b.outbox.claimDue('b', at(61), leaseEnd(at(61), LEASE_MS));
      expect(taken).toMatchObject({ id, attempts: 1, status: 'pending' });
    });

    it('gives a deliverer back its own claimed rows at once, as after a restart under the same name', async () => {
      const d = await rig.process();
      const id = await d.outbox.enqueue(message(1), NOW);
      await d.outbox.claimDue('bot', NOW, leaseEnd(NOW, LEASE_MS));
      const again = await rig.process();
      expect((await again.outbox.claimDue('bot', at(1), leaseEnd(at(1), LEASE_MS))).map((m) => m.id)).toEqual([id]);
    });

    it('gives every row to exactly one of several deliverers claiming at the same moment', async () => {
      const deliverers = await Promise.all([1, 2, 3, 4].map(() => rig.process()));
      for (let n = 0; n < 200; n++) await deliverers[0]!.outbox.enqueue(message(n), NOW);
      const claimed = await Promise.all(
        deliverers.map(async (d, i) => {
          const mine: number[] = [];
          for (;;) {
            const ids = (await d.outbox.claimDue(`d${i}`, at(1), leaseEnd(at(1), LEASE_MS), 7)).map((r) => r.id);
            if (ids.length === 0) return mine;
            mine.push(...ids);
            await d.outbox.markSent(ids, `m${i}`, at(1));
          }
        }),
      );
      const all = claimed.flat();
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
    });

    it('frees a row that was sent, set aside or put back for later, and gives the last one out again only when due', async () => {
      const d = await rig.process();
      const [sent, aside, later] = [
        await d.outbox.enqueue(message(1), NOW),
        await d.outbox.enqueue(message(2), NOW),
        await d.outbox.enqueue(message(3), NOW),
      ];
      await d.outbox.claimDue('d', NOW, leaseEnd(NOW, LEASE_MS));
      await d.outbox.markSent([sent], 'm1', NOW);
      await d.outbox.setAside([aside], 'channel gone');
      await d.outbox.retryLater([later], 'rate limited', at(10));
      expect(await d.outbox.pendingCount()).toBe(1);
      expect(await d.outbox.claimDue('other', at(5), leaseEnd(at(5), LEASE_MS))).toEqual([]);
      expect((await d.outbox.claimDue('other', at(10), leaseEnd(at(10), LEASE_MS))).map((m) => m.id)).toEqual([later]);
    });
  });

  describe.skipIf(Boolean(backend.missing))(`leases on ${backend.name}`, () => {
    const rig = useSharedStore(backend);

    it('lets one process hold a lease and renew it while another is refused', async () => {
      const [a, b] = [await rig.process(), await rig.process()];
      expect(await a.leases.acquire('poller', 'a', NOW, LEASE_MS)).toBe(true);
      expect(await b.leases.acquire('poller', 'b', at(10), LEASE_MS)).toBe(false);
      expect(await a.leases.acquire('poller', 'a', at(50), LEASE_MS)).toBe(true);
      expect(await b.leases.acquire('poller', 'b', at(100), LEASE_MS)).toBe(false);
      expect(await b.leases.holder('poller', at(100))).toBe('a');
    });

    it('passes to another process once the holder stops renewing, or at once when it lets go', async () => {
      const [a, b] = [await rig.process(), await rig.process()];
      await a.leases.acquire('poller', 'a', NOW, LEASE_MS);
      expect(await b.leases.acquire('poller', 'b', at(60), LEASE_MS)).toBe(true);
      expect(await a.leases.acquire('poller', 'a', at(61), LEASE_MS)).toBe(false);
      await b.leases.release('poller', 'b');
      expect(await a.leases.holder('poller', at(62))).toBeNull();
      expect(await a.leases.acquire('poller', 'a', at(62), LEASE_MS)).toBe(true);
    });

    it('gives a free lease to exactly one of several processes asking at once', async () => {
      const processes = await Promise.all([1, 2, 3, 4, 5].map(() => rig.process()));
      const won = await Promise.all(processes.map((p, i) => p.leases.acquire('poller', `p${i}`, NOW, LEASE_MS)));
      expect(won.filter(Boolean)).toHaveLength(1);
    });
  });
}

/** A fresh store for each test, and `process()` to open it again as another process would. */
function useSharedStore(backend: Backend): { process(): Promise<SharedStoreProcess> } {
  let store: SharedStore;
  beforeEach(async () => {
    store = await backend.open();
  });
  afterEach(async () => {
    await store.close();
  });
  return { process: () => store.process() };
}
