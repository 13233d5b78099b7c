// A claimant change is made in the live index claim by claim, not by rebuilding it: every answer
// after it must read as a bot started afresh on the same store reads it. Articles written for the test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimantChoices, sourceChoices } from '../src/answers/choices.js';
import type { App } from '../src/app/app.js';
import { answerText, askApp } from './support/ask.js';
import { type TempApp, tempApp } from './support/store-app.js';
import { STORY } from './support/story.js';

const NOW = new Date('2024-12-01T09:00:00Z');
let t: TempApp;

const LATER = [
  {
    outlet: 'Harbour Ledger',
    date: '2024-11-10',
    body: 'Colonel Ostrander said about 4,000 North Korean troops were near Kursk.',
  },
  {
    outlet: 'Seoul Courier',
    date: '2024-11-11',
    body: 'The Kursk Defence Staff said about 4,000 North Korean troops were near Kursk.',
  },
  {
    outlet: 'Harbour Ledger',
    date: '2024-11-12',
    body: 'About 5,000 North Korean troops were in Russia, public broadcaster Harbour Radio reported.',
  },
  {
    outlet: 'Seoul Courier',
    date: '2024-11-13',
    body: 'About 6,000 North Korean troops were in Kursk, broadcaster KBS reported.',
  },
];

beforeEach(async () => {
  t = await tempApp();
  for (const article of [...STORY, ...LATER]) await t.ingest(article);
  await t.ingest(
    {
      outlet: 'Ledger Extra',
      date: '2024-11-14',
      body: 'Colonel Ostrander said about 7,000 North Korean troops were in Kursk.',
    },
    { guildId: 'g1' },
  );
});
afterEach(() => t.close());

const ask = (app: App, line: string, guildId: string | null = null) =>
  askApp(app, line, { guildId, moderator: true, user: 'night editor', now: NOW });

const NAMES = [
  'Ostrander',
  'Kursk Defence Staff',
  'Harbour Radio',
  'KBS',
  'NIS',
  'Harbour Ledger',
  'Korean Broadcasting System',
];

/** What members read: each name's /source, the topic, a search, and what autocomplete offers. */
async function answers(app: App, guildId: string | null) {
  const said: Record<string, unknown> = {};
  for (const name of NAMES) said[`/source ${name}`] = answerText(await ask(app, `/source name:"${name}"`, guildId));
  for (const line of [
    '/troops chart:false',
    '/search query:"troops Kursk"',
    '/search query:"Korean Broadcasting"',
    '/claimants list',
  ])
    said[line] = answerText(await ask(app, line, guildId));
  for (const typed of ['', 'kur', 'ostr', 'harbour', 'kbs', 'korean'])
    said[`source choices ${typed}`] = sourceChoices(app.index, typed, guildId)
      .map((c) => c.value)
      .sort();
  // Who a typed name finds, which the fuzzy look-ups and /source's suggestions start from.
  said['names found'] = NAMES.map((name) => app.index.names.exact(name)?.name ?? null);
  said['troops claimants'] = claimantChoices(app.index, 'troops', '', guildId).map((c) => c.value);
  return said;
}

/** The live app's answers, then those of a bot opened afresh on the same store. */
async function expectSameAsRestart() {
  const reopened = await t.openAnother();
  try {
    for (const guildId of [null, 'g1']) expect(await answers(t.app, guildId)).toEqual(await answers(reopened, guildId));
  } finally {
    await reopened.close();
  }
}

const change = async (line: string, guildId: string | null = null) => {
  const reply = answerText(await ask(t.app, line, guildId));
  expect(reply).not.toMatch(/^Sorry/);
  return reply;
};

describe('after a claimant change, the live answers are those of a restarted bot', () => {
  it.each([false, true])(
    'alias, rename and split, one after another (claims saved as columns first: %s)',
    async (saved) => {
      // A reopened app saves every claim's columns; the changes below then reach the next boot by the store's record of changed claims.
      if (saved) await t.reopen();
      await expectSameAsRestart();
      expect(await change('/claimants alias name:"Ostrander" into:"Kursk Defence Staff"')).toContain('now filed under');
      await expectSameAsRestart();
      await change('/claimants alias name:"Harbour Radio" into:"KBS"');
      await expectSameAsRestart();
      await change('/claimants rename name:"KBS" into:"Korean Broadcasting System"');
      await expectSameAsRestart();
      await change('/claimants split name:"Ostrander"');
      await expectSameAsRestart();
      await change('/claimants split name:"Harbour Radio"');
      await expectSameAsRestart();
      // The renamed name is left with no claims at all: it is offered no more.
      await change('/claimants split name:"KBS"');
      await expectSameAsRestart();
    },
  );

  it('a server’s own merge, which leaves the claims other servers share under their name', async () => {
    await t.reopen();
    expect(await change('/claimants alias name:"Ostrander" into:"Kursk Defence Staff"', 'g1')).toContain('1 claim');
    await expectSameAsRestart();
    await change('/claimants split name:"Ostrander"', 'g1');
    await expectSameAsRestart();
  });

  it('the merged claims share one figure with the name they joined, and leave it again on a split', async () => {
    const figuresOf = () =>
      t.app.index
        .topicRows('troops')
        .flatMap((row) => row.figures.filter((f) => f.low === 4000).map((f) => f.claimant));
    expect(figuresOf().sort()).toEqual(['Kursk Defence Staff', 'Ostrander']);
    await change('/claimants alias name:"Ostrander" into:"Kursk Defence Staff"');
    expect(figuresOf()).toEqual(['Kursk Defence Staff']);
    await change('/claimants split name:"Ostrander"');
    expect(figuresOf().sort()).toEqual(['Kursk Defence Staff', 'Ostrander']);
  });
});
