// A call made while another task's transaction is open is not part of that transaction, on
// either backend: on SQLite's one connection it waits for the transaction to end instead of
// landing inside it, so the transaction's rollback cannot take it back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorePort } from '../src/store/store-port.js';
import { storePortBackends } from './support/store-ports.js';

const NOW = new Date('2026-01-10T08:00:00Z');
const MINUTE = 60_000;

for (const backend of storePortBackends()) {
  if (backend.missing) console.warn(`SKIPPED ${backend.name} store-port tests: ${backend.missing}`);
  describe.skipIf(Boolean(backend.missing))(`the store port on ${backend.name}`, () => {
    let port: StorePort;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ port, close } = await backend.open());
    });
    afterEach(() => close());

    it('keeps a call made beside an open transaction when that transaction rolls back', async () => {
      let proceed!: () => void;
      const waiting = new Promise<void>((resolve) => {
        proceed = resolve;
      });
      const failing = port.transaction(async (tx) => {
        await tx.leases.acquire('inside', 'a', NOW, MINUTE);
        await waiting;
        throw new Error('crash mid-ingest');
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      const beside = port.leases.acquire('beside', 'b', NOW, MINUTE);
      proceed();
      await expect(failing).rejects.toThrow('crash mid-ingest');
      expect(await beside).toBe(true);
      expect(await port.leases.holder('beside', NOW)).toBe('b');
      expect(await port.leases.holder('inside', NOW)).toBeNull();
    });

    it('runs calls inside a transaction as part of it, so they go when it rolls back', async () => {
      const failing = port.transaction(async () => {
        await port.leases.acquire('inside', 'a', NOW, MINUTE);
        throw new Error('crash mid-ingest');
      });
      await expect(failing).rejects.toThrow('crash mid-ingest');
      expect(await port.leases.holder('inside', NOW)).toBeNull();
    });
  });
}
