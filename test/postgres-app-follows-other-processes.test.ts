// Two apps on one Postgres, as two bot processes would run: what one takes in, the other answers
// with once it has caught up (each tick does, and each commit's notification wakes it sooner),
// the same answer a process booted afterwards gives. Catch-ups run on the wall clock, as the
// notified ones do: the cursor waits for an id committed late by how long ago it went missing.
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { type App, loadDefaultFolders } from '../src/app/app.js';
import { openPostgresApp, type PostgresApp } from '../src/app/postgres-app.js';
import { DATA_DIR } from '../src/config.js';
import { ingestArticle, registerSource } from '../src/newsroom/ingest.js';
import { answerText, askApp } from './support/ask.js';
import { recordingLogger } from './support/bot-app.js';
import { freshPostgresUrl } from './support/shared-stores.js';
import { articleText } from './support/store-app.js';

const server = inject('postgres');
const missing = 'missing' in server ? server.missing : undefined;
if (missing) console.warn(`SKIPPED Postgres app tests: ${missing}`);

const NOW = new Date('2026-03-02T09:00:00Z');
const ask = async (app: App, line: string) => answerText(await askApp(app, line, { guildId: null, now: NOW }));

const NEW_FIGURE = {
  outlet: 'Harbour Wire',
  date: '2026-03-01',
  url: 'https://harbour.example/kursk-1',
  body: 'South Korea’s spy agency said about 14,500 North Korean troops were now in Kursk.',
};

describe.skipIf(Boolean(missing))('two processes on one Postgres', () => {
  let url: string;
  const opened: PostgresApp[] = [];
  const open = async () => {
    const app = await openPostgresApp(url, DATA_DIR, recordingLogger(), { poolSize: 4 });
    opened.push(app);
    return app;
  };
  beforeEach(async () => {
    if (!('url' in server)) throw new Error(server.missing);
    url = await freshPostgresUrl(server.url);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
  });

  it('answers with the sample articles another process took in, as a process booted after it does', async () => {
    const [a, b] = [await open(), await open()];
    await loadDefaultFolders(a, 'console', NOW);
    expect(await b.catchUp(new Date())).toBeGreaterThan(0);
    const fromA = await ask(a, '/troops');
    expect(fromA).toMatch(/troops/i);
    expect(await ask(b, '/troops')).toBe(fromA);
    expect(await ask(await open(), '/troops')).toBe(fromA);
  });

  it('hears of a new figure through the commit notification, without a tick', async () => {
    const [a, b] = [await open(), await open()];
    const source = await registerSource(a, { name: 'wire', kind: 'folder', location: '/nowhere' }, NOW);
    await ingestArticle(a, articleText(NEW_FIGURE), source, {}, NOW);
    for (let waited = 0; !(await ask(b, '/troops')).includes('14,500'); waited++) {
      if (waited > 200) throw new Error('the other process never heard of the new figure');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await ask(b, '/source harbour wire')).toMatch(/14,500/);
  });

  it('takes each change once, however often it is told', async () => {
    const [a, b] = [await open(), await open()];
    const source = await registerSource(a, { name: 'wire', kind: 'folder', location: '/nowhere' }, NOW);
    await ingestArticle(a, articleText(NEW_FIGURE), source, {}, NOW);
    await Promise.all([b.catchUp(new Date()), b.catchUp(new Date()), b.catchUp(new Date())]);
    await b.catchUp(new Date());
    expect(b.index.claimCount()).toBe(a.index.claimCount());
    expect(await ask(b, '/troops')).toBe(await ask(a, '/troops'));
  });

  it('keeps its own article once when its follower reads the commit back before the ingest indexes it', async () => {
    const a = await open();
    const source = await registerSource(a, { name: 'wire', kind: 'folder', location: '/nowhere' }, NOW);
    // The notification of the ingest's own commit is handled between the commit and the index update.
    const readBackFirst: App = {
      ...a,
      port: {
        ...a.port,
        transaction: async (work) => {
          const done = await a.port.transaction(work);
          await a.catchUp(new Date());
          return done;
        },
      },
    };
    const result = await ingestArticle(readBackFirst, articleText(NEW_FIGURE), source, {}, NOW);
    expect(result.added.map((c) => c.id)).toEqual([1]);
    expect(result.newFigures).toHaveLength(1);
    expect(a.index.claimCount()).toBe(1);
    expect(await ask(a, '/troops')).toBe(await ask(await open(), '/troops'));
  });

  it('files and answers by a topic another process added, as that process does', async () => {
    const [a, b] = [await open(), await open()];
    const source = await registerSource(a, { guildId: 'g1', name: 'desk', kind: 'folder', location: '/g1' }, NOW);
    await ingestArticle(a, articleText(FLOODS), source, {}, NOW);
    const asG1 = (app: App, line: string) => askApp(app, line, { guildId: 'g1', now: NOW }).then(answerText);
    await asG1(
      a,
      '/topics add key:flood-deaths label:"Deaths in the floods" units:"dead, deaths" subjects:"Derna, floods"',
    );
    await b.catchUp(new Date());
    const there = await asG1(a, '/topic name:flood-deaths');
    expect(there).toMatch(/11,300/);
    expect(await asG1(b, '/topic name:flood-deaths')).toBe(there);
  });

  it('follows a claimant merge and its split made by another process', async () => {
    const [a, b] = [await open(), await open()];
    const source = await registerSource(a, { guildId: 'g1', name: 'desk', kind: 'folder', location: '/g1' }, NOW);
    for (const [n, body] of DOCKS.entries())
      await ingestArticle(
        a,
        articleText({ ...NEW_FIGURE, url: `https://harbour.example/${n}`, body }),
        source,
        {},
        NOW,
      );
    const asG1 = (app: App, line: string) => askApp(app, line, { guildId: 'g1', now: NOW }).then(answerText);
    await asG1(a, '/claimants alias name:"Dock Workers Federation" into:"Harbour Dockers"');
    await b.catchUp(new Date());
    const merged = await asG1(a, '/claimants list');
    expect(merged).toContain('Harbour Dockers: 2 figures in 2 claims');
    expect(await asG1(b, '/claimants list')).toBe(merged);
    await asG1(a, '/claimants split name:"Dock Workers Federation"');
    await b.catchUp(new Date());
    const split = await asG1(a, '/claimants list');
    expect(split).toContain('Dock Workers Federation: 1 figure in 1 claim');
    expect(await asG1(b, '/claimants list')).toBe(split);
    // The alias is gone from both: the name no longer finds the claimant it was merged into.
    const byOldName = await asG1(a, '/source Dock Workers Federation');
    expect(byOldName).not.toMatch(/Harbour Dockers/);
    expect(await asG1(b, '/source Dock Workers Federation')).toBe(byOldName);
  });

  it('drops change log rows older than the cut, which a process booting afterwards does not need', async () => {
    const a = await open();
    const source = await registerSource(a, { name: 'wire', kind: 'folder', location: '/nowhere' }, NOW);
    expect(await a.pruneChanges(new Date(Date.now() - 60_000))).toBe(0);
    await ingestArticle(a, articleText(NEW_FIGURE), source, {}, NOW);
    expect(await a.pruneChanges(new Date(Date.now() + 60_000))).toBeGreaterThan(0);
    expect(await a.pruneChanges(new Date(Date.now() + 60_000))).toBe(0);
    expect(await ask(await open(), '/troops')).toBe(await ask(a, '/troops'));
  });
});

const FLOODS = {
  outlet: 'Coast Daily',
  date: '2023-09-14',
  url: 'https://coast.example/derna',
  body: 'The Red Crescent said 11,300 people were dead in Derna after the floods.',
};

const DOCKS = [
  'The Dock Workers Federation said 42,000 people marched in the port city on Tuesday.',
  'Organisers from Harbour Dockers said 45,000 marched by the evening.',
];
