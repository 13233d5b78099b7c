// Learned names, topics, claimant merges and corrections answer the same through the store port
// on SQLite and Postgres. The claims that merges and corrections change are fixture rows written
// straight to the store, and read back the same way (the articles book may not answer on Postgres
// yet); every call under test goes through the port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../src/store/pg/pool.js';
import { postgresStorePort } from '../src/store/pg/store-port.js';
import { sqliteStorePort } from '../src/store/sqlite-store-port.js';
import { Store } from '../src/store/store.js';
import type { StorePort } from '../src/store/store-port.js';
import { freshPostgresUrl } from './support/shared-stores.js';
import { type PortBackend, storePortBackends } from './support/store-ports.js';

const NOW = new Date('2026-01-10T08:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

interface ClaimRow {
  low: number | null;
  high: number | null;
  claimant: string | null;
  via: string | null;
  status: string;
  topic: string | null;
  wrong: number;
}

interface Rig {
  port: StorePort;
  /** A fixture claim (in an article of its own), written straight to the store; its id. */
  claim(claimant: string | null, via?: string | null): Promise<number>;
  /** The claim's row as stored. */
  row(claimId: number): Promise<ClaimRow>;
  /** Postgres's change log, kinds in order; null on SQLite, which keeps none. */
  changeKinds(): Promise<string[] | null>;
  close(): Promise<void>;
}

const ROW = 'low, high, claimant, via, status, topic, wrong';
let articles = 0;

async function openRig(backend: PortBackend): Promise<Rig> {
  const identity = () => `fixture-${process.pid}-${++articles}`;
  if (backend.name === 'SQLite') {
    const dir = mkdtempSync(join(tmpdir(), 'claimwatch-names-'));
    const store = Store.open(join(dir, 'claimwatch.db'));
    const port = sqliteStorePort(store);
    return {
      port,
      async claim(claimant, via = null) {
        const article = store.db
          .prepare(`INSERT INTO articles (identity, content_hash, ingested_at) VALUES (?, 'h', ?) RETURNING id`)
          .get(identity(), NOW.toISOString()) as { id: number };
        return (
          store.db
            .prepare(
              `INSERT INTO claims (article_id, position, sentence, low, high, status, claimant, via)
               VALUES (?, 0, 's', 5, 5, 'reported', ?, ?) RETURNING id`,
            )
            .get(article.id, claimant, via) as { id: number }
        ).id;
      },
      row: async (id) => store.db.prepare(`SELECT ${ROW} FROM claims WHERE id = ?`).get(id) as ClaimRow,
      changeKinds: async () => null,
      async close() {
        await port.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = inject('postgres');
  if (!('url' in server)) throw new Error(server.missing);
  const pool = await openPostgres(await freshPostgresUrl(server.url), { max: 4 });
  const port = postgresStorePort(pool);
  return {
    port,
    async claim(claimant, via = null) {
      const article = await pool.query<{ id: number }>(
        `INSERT INTO articles (identity, content_hash, ingested_at) VALUES ($1, 'h', $2) RETURNING id`,
        [identity(), NOW.toISOString()],
      );
      const claim = await pool.query<{ id: number }>(
        `INSERT INTO claims (article_id, position, sentence, low, high, status, claimant, via)
         VALUES ($1, 0, 's', 5, 5, 'reported', $2, $3) RETURNING id`,
        [article.rows[0]!.id, claimant, via],
      );
      return claim.rows[0]!.id;
    },
    row: async (id) => (await pool.query<ClaimRow>(`SELECT ${ROW} FROM claims WHERE id = $1`, [id])).rows[0]!,
    changeKinds: async () =>
      (await pool.query<{ kind: string }>(`SELECT kind FROM changes WHERE kind <> 'article' ORDER BY id`)).rows.map(
        (r) => r.kind,
      ),
    close: () => port.close(),
  };
}

for (const backend of storePortBackends()) {
  if (backend.missing) console.warn(`SKIPPED ${backend.name} store-port tests: ${backend.missing}`);
  describe.skipIf(Boolean(backend.missing))(`names, topics, claimants and corrections on ${backend.name}`, () => {
    let rig: Rig;
    let port: StorePort;
    beforeEach(async () => {
      rig = await openRig(backend);
      port = rig.port;
    });
    afterEach(() => rig.close());

    describe('learned names', () => {
      it('finds a learned name by its spelling whatever the case, a leading "the" or curly apostrophes', async () => {
        await port.names.learn('newsroom-a', [
          { name: 'AFAD', aliases: ['Disaster and Emergency Management Authority', 'Turkey’s  Disaster Agency'] },
        ]);
        expect(await port.names.nameFor('newsroom-a', 'the DISASTER and emergency management authority')).toBe('AFAD');
        expect(await port.names.nameFor('newsroom-a', "turkey's disaster agency")).toBe('AFAD');
        expect(await port.names.nameFor('newsroom-b', 'Disaster and Emergency Management Authority')).toBeUndefined();
        expect(await port.names.nameFor('newsroom-a', 'AFAD')).toBeUndefined();
      });

      it("answers a scope's own name before the defaults' for the same spelling", async () => {
        await port.names.learn('', [{ name: 'Ministry of Defence', aliases: ['MoD'] }]);
        await port.names.learn('newsroom-a', [{ name: 'Defence Ministry', aliases: ['MoD'] }]);
        expect(await port.names.nameFor('newsroom-a', 'mod')).toBe('Defence Ministry');
        expect(await port.names.nameFor('newsroom-b', 'MoD')).toBe('Ministry of Defence');
        expect(await port.names.nameFor('', 'MoD')).toBe('Ministry of Defence');
      });

      it('keeps the first name of a spelling learned again, even when one call names it twice', async () => {
        await port.names.learn('newsroom-a', [{ name: 'NIS', aliases: ['spy agency'] }]);
        await port.names.learn('newsroom-a', [
          { name: 'Yonhap', aliases: ['Spy Agency', 'the agency'] },
          { name: 'KCNA', aliases: ['Agency', 'kcna'] },
        ]);
        expect(await port.names.nameFor('newsroom-a', 'spy agency')).toBe('NIS');
        expect(await port.names.nameFor('newsroom-a', 'agency')).toBe('Yonhap');
        expect(await port.names.nameFor('newsroom-a', 'KCNA')).toBe('KCNA');
        expect(await port.names.all()).toHaveLength(3);
      });

      it("lets a moderator's merge replace a learned name, and forgetting it leaves none", async () => {
        await port.names.learn('newsroom-a', [{ name: 'NIS', aliases: ['National Intelligence Service'] }]);
        await port.names.set('newsroom-a', 'The National Intelligence Service', 'South Korean intelligence');
        await port.names.set('newsroom-a', 'Seoul spies', 'South Korean intelligence');
        expect(await port.names.nameFor('newsroom-a', 'national intelligence service')).toBe(
          'South Korean intelligence',
        );
        await port.names.forget('newsroom-a', 'NATIONAL INTELLIGENCE SERVICE');
        await port.names.forget('newsroom-a', 'never learned');
        await port.names.forget('newsroom-b', 'Seoul spies');
        expect(await port.names.nameFor('newsroom-a', 'National Intelligence Service')).toBeUndefined();
        expect(await port.names.all()).toEqual([
          { guildId: 'newsroom-a', alias: 'seoul spies', name: 'South Korean intelligence' },
        ]);
      });

      it('lists every name by scope then spelling, compared byte by byte', async () => {
        await port.names.learn('newsroom-a', [{ name: 'One', aliases: ['élysée', 'zelensky', '_x', 'a b'] }]);
        await port.names.learn('Newsroom-Z', [{ name: 'Two', aliases: ['b'] }]);
        await port.names.learn('', [{ name: 'Three', aliases: ['c'] }]);
        await port.names.learn('newsroom-b', []);
        await port.names.learn('newsroom-b', [{ name: 'No spellings', aliases: [] }]);
        expect((await port.names.all()).map((n) => [n.guildId, n.alias, n.name])).toEqual([
          ['', 'c', 'Three'],
          ['Newsroom-Z', 'b', 'Two'],
          ['newsroom-a', '_x', 'One'],
          ['newsroom-a', 'a b', 'One'],
          ['newsroom-a', 'zelensky', 'One'],
          ['newsroom-a', 'élysée', 'One'],
        ]);
      });
    });
  });
}
