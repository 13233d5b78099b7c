// Learned names, topics, claimant merges and corrections answer the same through the store port
// on SQLite and Postgres. The claims that merges and corrections change are fixture rows written
// straight to the store, and read back the same way (the articles book may not answer on Postgres
// yet); every call under test goes through the port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../src/store/pg/pool.js';
import { postgresStorePort } from '../src/store/pg/store-port.js';
import { sqliteStorePort } from '../src/store/sqlite-store-port.js';
import { Store } from '../src/store/store.js';
import type { StorePort } from '../src/store/store-port.js';
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
let databases = 0;

/**
 * A fresh database whose text sorts as English does (ICU), not byte by byte as the suite's
 * server (C.UTF-8) does: a newsroom's database may have any locale, and SQLite's order must hold.
 */
async function englishDatabase(serverUrl: string): Promise<string> {
  const name = `claimwatch_names_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

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
  const pool = await openPostgres(await englishDatabase(server.url), { max: 4 });
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

    describe('topics', () => {
      const flood = { label: 'Flood deaths', units: ['dead', 'deaths'], words: ['drowned'], story: 'Derna floods' };

      it("keeps a server's topic with its definition, its id under the server, and who made it when", async () => {
        await port.topics.put('newsroom-a', 'flood-deaths', flood, 'mod-1', at(1));
        await port.topics.put('', 'flood-deaths', { ...flood, label: 'Console' }, 'console', at(2));
        expect(await port.topics.get('newsroom-a', 'flood-deaths')).toEqual({
          scope: 'newsroom-a',
          key: 'flood-deaths',
          def: {
            ...flood,
            key: 'flood-deaths@newsroom-a',
            scope: 'newsroom-a',
            name: 'flood-deaths',
            changed: { by: 'mod-1', at: at(1).toISOString() },
          },
          createdBy: 'mod-1',
          createdAt: at(1).toISOString(),
          updatedBy: 'mod-1',
          updatedAt: at(1).toISOString(),
        });
        expect((await port.topics.get('', 'flood-deaths'))?.def).toMatchObject({
          key: 'flood-deaths',
          label: 'Console',
        });
        expect(await port.topics.get('newsroom-b', 'flood-deaths')).toBeUndefined();
      });

      it('replaces a topic defined again, keeping who made it first', async () => {
        await port.topics.put('newsroom-a', 'flood-deaths', flood, 'mod-1', at(1));
        await port.topics.put(
          'newsroom-a',
          'flood-deaths',
          { label: 'Dead', units: ['dead'], words: [] },
          'mod-2',
          at(5),
        );
        const topic = await port.topics.get('newsroom-a', 'flood-deaths');
        expect(topic).toMatchObject({
          createdBy: 'mod-1',
          createdAt: at(1).toISOString(),
          updatedBy: 'mod-2',
          updatedAt: at(5).toISOString(),
        });
        expect(topic?.def).toEqual({
          label: 'Dead',
          units: ['dead'],
          words: [],
          key: 'flood-deaths@newsroom-a',
          scope: 'newsroom-a',
          name: 'flood-deaths',
          changed: { by: 'mod-2', at: at(5).toISOString() },
        });
        expect(await port.topics.all()).toHaveLength(1);
      });

      it('says whether removing a topic took one away', async () => {
        await port.topics.put('newsroom-a', 'flood-deaths', flood, 'mod-1', at(1));
        expect(await port.topics.remove('newsroom-b', 'flood-deaths')).toBe(false);
        expect(await port.topics.remove('newsroom-a', 'flood-deaths')).toBe(true);
        expect(await port.topics.remove('newsroom-a', 'flood-deaths')).toBe(false);
        expect(await port.topics.get('newsroom-a', 'flood-deaths')).toBeUndefined();
      });

      it('lists every topic by when it was made, then by key compared byte by byte', async () => {
        for (const [scope, key, minute] of [
          ['newsroom-a', 'b', 1],
          ['', 'a', 2],
          ['newsroom-b', 'Z', 2],
          ['newsroom-a', 'c', 1],
          ['newsroom-a', '_under', 2],
        ] as const)
          await port.topics.put(scope, key, flood, 'mod', at(minute));
        expect((await port.topics.all()).map((t) => `${t.scope}/${t.key}`)).toEqual([
          'newsroom-a/b',
          'newsroom-a/c',
          'newsroom-b/Z',
          'newsroom-a/_under',
          '/a',
        ]);
      });

      it("lists a scope's changes newest first, twenty unless told", async () => {
        for (let n = 1; n <= 22; n++)
          await port.topics.record('newsroom-a', {
            key: `t${n}`,
            action: n % 2 ? 'added' : 'changed',
            by: 'mod-1',
            at: at(n).toISOString(),
            moved: n * 10,
          });
        await port.topics.record('newsroom-b', {
          key: 'x',
          action: 'removed',
          by: 'mod-9',
          at: at(0).toISOString(),
          moved: 0,
        });
        const changes = await port.topics.changes('newsroom-a');
        expect(changes).toHaveLength(20);
        expect(changes[0]).toEqual({
          key: 't22',
          action: 'changed',
          by: 'mod-1',
          at: at(22).toISOString(),
          moved: 220,
        });
        expect(changes.at(-1)?.key).toBe('t3');
        expect(await port.topics.changes('newsroom-a', 1)).toEqual([changes[0]]);
        expect(await port.topics.changes('newsroom-b')).toEqual([
          { key: 'x', action: 'removed', by: 'mod-9', at: at(0).toISOString(), moved: 0 },
        ]);
        expect(await port.topics.changes('newsroom-c')).toEqual([]);
      });
    });

    describe('claimant merges', () => {
      const merge = (name: string, into: string, minute = 1) => ({
        action: 'alias' as const,
        name,
        into,
        by: 'mod-1',
        at: at(minute).toISOString(),
      });

      it("files the claims under the new name, and the change is the name's latest in its scope", async () => {
        const said = await rig.claim('Yonhap');
        const relayed = await rig.claim('KCNA', 'Yonhap');
        const untouched = await rig.claim('Yonhap');
        const id = await port.claimants.move('newsroom-a', merge('Yonhap', 'Yonhap News'), [
          { id: said, field: 'claimant' },
          { id: relayed, field: 'via' },
        ]);
        expect(typeof id).toBe('number');
        expect(await rig.row(said)).toMatchObject({ claimant: 'Yonhap News', via: null });
        expect(await rig.row(relayed)).toMatchObject({ claimant: 'KCNA', via: 'Yonhap News' });
        expect((await rig.row(untouched)).claimant).toBe('Yonhap');
        expect(await port.claimants.latest('newsroom-a', 'Yonhap')).toEqual({
          id,
          ...merge('Yonhap', 'Yonhap News'),
          undoneAt: null,
        });
        expect(await port.claimants.latest('newsroom-b', 'Yonhap')).toBeUndefined();
        expect(await port.claimants.latest('newsroom-a', 'Yonhap News')).toBeUndefined();
      });

      it('puts the claims back when undone, answering them by claim then field, and the change stays listed as undone', async () => {
        const first = await rig.claim('NIS', 'NIS');
        const second = await rig.claim('NIS');
        const change = await port.claimants.move('newsroom-a', merge('NIS', 'Seoul'), [
          { id: second, field: 'claimant' },
          { id: first, field: 'via' },
          { id: first, field: 'claimant' },
          { id: second, field: 'claimant' },
        ]);
        const latest = (await port.claimants.latest('newsroom-a', 'NIS'))!;
        expect(await rig.row(first)).toMatchObject({ claimant: 'Seoul', via: 'Seoul' });
        expect(await port.claimants.undo(latest, at(9).toISOString())).toEqual([
          { id: first, field: 'claimant' },
          { id: first, field: 'via' },
          { id: second, field: 'claimant' },
        ]);
        expect(await rig.row(first)).toMatchObject({ claimant: 'NIS', via: 'NIS' });
        expect((await rig.row(second)).claimant).toBe('NIS');
        expect(await port.claimants.latest('newsroom-a', 'NIS')).toBeUndefined();
        expect(await port.claimants.changes('newsroom-a')).toEqual([
          { id: change, ...merge('NIS', 'Seoul'), undoneAt: at(9).toISOString() },
        ]);
      });

      it("answers the newest change still in force, and lists a scope's changes newest first, ten unless told", async () => {
        const claim = await rig.claim('MoD');
        const ids: number[] = [];
        for (let n = 1; n <= 12; n++)
          ids.push(
            await port.claimants.move('newsroom-a', merge('MoD', `Ministry ${n}`, n), [
              { id: claim, field: 'claimant' },
            ]),
          );
        await port.claimants.move('newsroom-b', merge('MoD', 'Elsewhere', 13), []);
        expect((await port.claimants.latest('newsroom-a', 'MoD'))?.id).toBe(ids[11]);
        await port.claimants.undo((await port.claimants.latest('newsroom-a', 'MoD'))!, at(20).toISOString());
        expect((await port.claimants.latest('newsroom-a', 'MoD'))?.into).toBe('Ministry 11');
        const changes = await port.claimants.changes('newsroom-a');
        expect(changes.map((c) => c.id)).toEqual(ids.slice(2).reverse());
        expect(changes[0]?.undoneAt).toBe(at(20).toISOString());
        expect(await port.claimants.changes('newsroom-a', 2)).toEqual(changes.slice(0, 2));
        expect((await port.claimants.changes('newsroom-b')).map((c) => c.into)).toEqual(['Elsewhere']);
        expect(await port.claimants.changes('newsroom-c')).toEqual([]);
      });

      it('refuses a move naming a claim the store does not hold', async () => {
        const held = await rig.claim('NIS');
        await expect(
          port.claimants.move('newsroom-a', merge('NIS', 'Seoul'), [
            { id: held, field: 'claimant' },
            { id: held + 1000, field: 'claimant' },
          ]),
        ).rejects.toThrow();
      });

      it('leaves no change and no moved claim behind when the transaction around a move fails', async () => {
        const claim = await rig.claim('NIS');
        await expect(
          port.transaction(async (tx) => {
            await tx.claimants.move('newsroom-a', merge('NIS', 'Seoul'), [{ id: claim, field: 'claimant' }]);
            throw new Error('the reply could not be sent');
          }),
        ).rejects.toThrow('the reply could not be sent');
        expect((await rig.row(claim)).claimant).toBe('NIS');
        expect(await port.claimants.latest('newsroom-a', 'NIS')).toBeUndefined();
        expect(await port.claimants.changes('newsroom-a')).toEqual([]);
      });
    });

    describe('corrections', () => {
      const by = { changedBy: 'mod-1', note: 'the ministry revised it' };

      it('writes the corrected columns to the claim and keeps each change, oldest first', async () => {
        const claim = await rig.claim('NIS');
        await port.corrections.apply(
          claim,
          { low: 12000, high: 15000.5, claimant: 'Seoul', status: 'denied', topic: 'troops', wrong: true },
          [
            { field: 'figure', oldValue: '5', newValue: '12,000-15,000.5' },
            { field: 'claimant', oldValue: 'NIS', newValue: 'Seoul' },
            { field: 'wrong', oldValue: null, newValue: 'wrong' },
          ],
          by,
          at(3),
        );
        expect(await rig.row(claim)).toEqual({
          low: 12000,
          high: 15000.5,
          claimant: 'Seoul',
          via: null,
          status: 'denied',
          topic: 'troops',
          wrong: 1,
        });
        const history = await port.corrections.history(claim);
        expect(history.map(({ id: _, ...change }) => change)).toEqual([
          {
            claimId: claim,
            field: 'figure',
            oldValue: '5',
            newValue: '12,000-15,000.5',
            changedBy: 'mod-1',
            note: by.note,
            changedAt: at(3).toISOString(),
          },
          {
            claimId: claim,
            field: 'claimant',
            oldValue: 'NIS',
            newValue: 'Seoul',
            changedBy: 'mod-1',
            note: by.note,
            changedAt: at(3).toISOString(),
          },
          {
            claimId: claim,
            field: 'wrong',
            oldValue: null,
            newValue: 'wrong',
            changedBy: 'mod-1',
            note: by.note,
            changedAt: at(3).toISOString(),
          },
        ]);
        expect(history.map((c) => typeof c.id)).toEqual(['number', 'number', 'number']);
        expect(history[0]!.id).toBeLessThan(history[1]!.id);
      });

      it('changes only the columns given, clears one set to none, and unmarks a claim set right', async () => {
        const claim = await rig.claim('NIS', 'Yonhap');
        await port.corrections.apply(claim, { wrong: true }, [], by, at(1));
        await port.corrections.apply(
          claim,
          { wrong: false, claimant: null },
          [],
          { changedBy: 'mod-2', note: null },
          at(2),
        );
        expect(await rig.row(claim)).toEqual({
          low: 5,
          high: 5,
          claimant: null,
          via: 'Yonhap',
          status: 'reported',
          topic: null,
          wrong: 0,
        });
        expect(await port.corrections.history(claim)).toEqual([]);
      });

      it("adds to a claim's history across corrections, and tells no other claim's", async () => {
        const claim = await rig.claim('NIS');
        const other = await rig.claim('NIS');
        await port.corrections.apply(
          claim,
          { status: 'denied' },
          [{ field: 'status', oldValue: 'reported', newValue: 'denied' }],
          by,
          at(1),
        );
        await port.corrections.apply(
          claim,
          { status: 'reported' },
          [{ field: 'status', oldValue: 'denied', newValue: 'reported' }],
          { changedBy: 'mod-2', note: null },
          at(2),
        );
        expect((await port.corrections.history(claim)).map((c) => [c.newValue, c.changedBy, c.note])).toEqual([
          ['denied', 'mod-1', by.note],
          ['reported', 'mod-2', null],
        ]);
        expect(await port.corrections.history(other)).toEqual([]);
        expect(await port.corrections.history(other + 1000)).toEqual([]);
      });

      it('knows the claims whose topic a moderator chose, each once', async () => {
        const refiled = await rig.claim('NIS');
        const twice = await rig.claim('NIS');
        const figureOnly = await rig.claim('NIS');
        expect(await port.corrections.topicFixed()).toEqual(new Set());
        await port.corrections.apply(
          refiled,
          { topic: 'troops' },
          [{ field: 'topic', oldValue: null, newValue: 'troops' }],
          by,
          at(1),
        );
        await port.corrections.apply(
          twice,
          { topic: 'a' },
          [{ field: 'topic', oldValue: null, newValue: 'a' }],
          by,
          at(1),
        );
        await port.corrections.apply(
          twice,
          { topic: 'b' },
          [{ field: 'topic', oldValue: 'a', newValue: 'b' }],
          by,
          at(2),
        );
        await port.corrections.apply(
          figureOnly,
          { low: 1 },
          [{ field: 'figure', oldValue: '5', newValue: '1' }],
          by,
          at(1),
        );
        const fixed = await port.corrections.topicFixed();
        expect(fixed).toBeInstanceOf(Set);
        expect([...fixed].sort((a, b) => a - b)).toEqual([refiled, twice]);
      });

      it('refuses a correction to a claim the store does not hold, keeping no history of it', async () => {
        const missing = (await rig.claim('NIS')) + 1000;
        await expect(
          port.corrections.apply(
            missing,
            { status: 'denied' },
            [{ field: 'status', oldValue: 'reported', newValue: 'denied' }],
            by,
            at(1),
          ),
        ).rejects.toThrow();
        expect(await port.corrections.history(missing)).toEqual([]);
      });

      it("writes a correction whole or not at all: a failing change takes the claim's new columns back", async () => {
        const claim = await rig.claim('NIS');
        await expect(
          port.corrections.apply(
            claim,
            { claimant: 'Seoul', status: 'denied' },
            [
              { field: 'claimant', oldValue: 'NIS', newValue: 'Seoul' },
              { field: null as unknown as 'status', oldValue: 'reported', newValue: 'denied' },
            ],
            by,
            at(1),
          ),
        ).rejects.toThrow();
        expect(await rig.row(claim)).toMatchObject({ claimant: 'NIS', status: 'reported' });
        expect(await port.corrections.history(claim)).toEqual([]);
      });
    });
  });
}

const postgres = storePortBackends().find((b) => b.name === 'Postgres')!;
describe.skipIf(Boolean(postgres.missing))("the change log other processes' indexes follow, on Postgres", () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await openRig(postgres);
  });
  afterEach(() => rig.close());

  it('logs each name learned or merged, but not a spelling already taken', async () => {
    await rig.port.names.learn('newsroom-a', [{ name: 'AFAD', aliases: ['Disaster Authority', 'the agency'] }]);
    await rig.port.names.learn('newsroom-a', [{ name: 'Other', aliases: ['disaster authority'] }]);
    await rig.port.names.set('newsroom-a', 'the agency', 'Turkish disaster agency');
    expect(await rig.changeKinds()).toEqual(['name', 'name', 'name']);
  });

  it('logs every claim a merge, its undo or a correction changes', async () => {
    const first = await rig.claim('NIS');
    const second = await rig.claim('KCNA', 'NIS');
    const change = await rig.port.claimants.move(
      'newsroom-a',
      { action: 'alias', name: 'NIS', into: 'Seoul', by: 'mod-1', at: at(1).toISOString() },
      [
        { id: first, field: 'claimant' },
        { id: second, field: 'via' },
      ],
    );
    expect(await rig.changeKinds()).toEqual(['claim', 'claim']);
    await rig.port.claimants.undo((await rig.port.claimants.latest('newsroom-a', 'NIS'))!, at(2).toISOString());
    expect(change).toBeGreaterThan(0);
    expect(await rig.changeKinds()).toHaveLength(4);
    await rig.port.corrections.apply(
      first,
      { low: 1, high: 2, status: 'denied' },
      [{ field: 'figure', oldValue: '5', newValue: '1-2' }],
      { changedBy: 'mod-1', note: null },
      at(3),
    );
    expect(await rig.changeKinds()).toEqual(['claim', 'claim', 'claim', 'claim', 'claim']);
  });

  it('takes back the whole of a merge one of whose claims the store does not hold', async () => {
    const held = await rig.claim('NIS');
    await expect(
      rig.port.claimants.move(
        'newsroom-a',
        { action: 'alias', name: 'NIS', into: 'Seoul', by: 'mod-1', at: at(1).toISOString() },
        [
          { id: held, field: 'claimant' },
          { id: held + 1000, field: 'claimant' },
        ],
      ),
    ).rejects.toThrow();
    expect((await rig.row(held)).claimant).toBe('NIS');
    expect(await rig.port.claimants.changes('newsroom-a')).toEqual([]);
    expect(await rig.changeKinds()).toEqual([]);
  });
});
