// Transactions through the shared ports keep one meaning on both stores: all or nothing, a
// nested one undone alone; and on SQLite, whose one connection would otherwise mix them, one at a
// time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, leaseEnd, type SharedStore, sharedStoreBackends } from './support/shared-stores.js';

const NOW = new Date('2026-01-10T08:00:00Z');
const message = (n: number) => ({ guildId: 'g1', channelId: 'c1', kind: 'alert' as const, payload: `{"n":${n}}` });

for (const backend of sharedStoreBackends()) {
  describe.skipIf(Boolean(backend.missing))(`a transaction on ${backend.name}`, () => {
    const store = useStore(backend);

    it('keeps everything its work wrote, or nothing when the work throws', async () => {
      const p = await store().process();
      await p.transaction(async (tx) => {
        await tx.outbox.enqueue(message(1), NOW);
        await tx.outbox.enqueue(message(2), NOW);
      });
      const crash = p.transaction(async (tx) => {
        await tx.outbox.enqueue(message(3), NOW);
        throw new Error('crash mid-ingest');
      });
      await expect(crash).rejects.toThrow('crash mid-ingest');
      expect(await p.outbox.pendingCount()).toBe(2);
    });

    it('undoes only a nested transaction that fails', async () => {
      const p = await store().process();
      await p.transaction(async (tx) => {
        await tx.outbox.enqueue(message(1), NOW);
        await p
          .transaction(async (inner) => {
            await inner.outbox.enqueue(message(2), NOW);
            throw new Error('nested failure');
          })
          .catch(() => undefined);
        await tx.outbox.enqueue(message(3), NOW);
      });
      const claimed = await p.outbox.claimDue('d', NOW, leaseEnd(NOW, 60_000));
      expect(claimed.map((m) => m.payload)).toEqual(['{"n":1}', '{"n":3}']);
    });

    it('takes back a nested transaction that succeeded when the one around it fails', async () => {
      const p = await store().process();
      const outer = p.transaction(async () => {
        await p.transaction(async (inner) => {
          await inner.outbox.enqueue(message(1), NOW);
        });
        throw new Error('the outer work fails after');
      });
      await expect(outer).rejects.toThrow('the outer work fails after');
      expect(await p.outbox.pendingCount()).toBe(0);
    });
  });
}

describe('transactions on one SQLite connection', () => {
  const store = useStore(sharedStoreBackends()[0]!);

  it('run one at a time: the second waits for the first to commit', async () => {
    const p = await store().process();
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = p.transaction(async (tx) => {
      await tx.outbox.enqueue(message(1), NOW);
      seen.push('first wrote');
      await gate;
      seen.push('first done');
    });
    const second = p.transaction(async (tx) => {
      seen.push(`second sees ${await tx.outbox.pendingCount()}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([first, second]);
    expect(seen).toEqual(['first wrote', 'first done', 'second sees 1']);
  });
});

function useStore(backend: Backend): () => SharedStore {
  let opened: SharedStore;
  beforeEach(async () => {
    opened = await backend.open();
  });
  afterEach(async () => {
    await opened.close();
  });
  return () => opened;
}
