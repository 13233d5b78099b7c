import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimantChoices, sourceChoices, topicChoices } from '../src/answers/choices.js';
import { answerLine } from '../src/console/ask.js';
import { silentLogger } from '../src/log.js';
import { type TempApp, tempApp } from './support/store-app.js';
import { STORY } from './support/story.js';

const NOW = new Date('2024-11-06T09:00:00Z');
let t: TempApp;
const ask = (line: string) => answerLine(t.app, line, NOW, silentLogger);

beforeEach(async () => {
  t = await tempApp();
  for (const article of STORY) await t.ingest(article);
});
afterEach(() => t.close());

describe('/source', () => {
  it('shows what an outlet relayed, with the claimant and topic of each', async () => {
    const answer = await ask('/source yonhap');
    expect(answer.title).toBe('Yonhap: claims and relays');
    expect(answer.sections.map((s) => s.heading)).toEqual(['Relayed (1 claim)']);
    expect(answer.sections[0]!.lines[0]).toMatch(/^\[troops\] \*\*NIS\*\*: approximately 1,500 troops \(reported\)/);
  });

  it('shows what a claimant claimed, newest first, one line per figure', async () => {
    const answer = await ask('/source nis');
    const claimed = answer.sections.find((s) => s.heading.startsWith('Claimed'))!;
    expect(claimed.heading).toBe('Claimed (3 claims)');
    expect(claimed.lines).toEqual([
      expect.stringMatching(/approximately 3,000 troops .*AP, Oct 24, 2024/),
      expect.stringMatching(/approximately 1,500 troops .*Yonhap, Oct 18, 2024/),
    ]);
  });

  it('finds sources by alias and forgives typos, saying when it guessed', async () => {
    expect((await ask('/source ap')).title).toBe('AP: claims and relays');
    expect((await ask('/source zelensky')).title).toBe('Zelenskyy: claims and relays');
    const guessed = await ask('/source yonhop');
    expect(guessed.title).toBe('Yonhap: claims and relays');
    expect(guessed.summary).toMatch(/Closest match to "yonhop"/);
  });

  it('answers a known source with nothing on record privately, and an unknown one with a hint', async () => {
    const quiet = await ask('/source CNN');
    expect(quiet).toMatchObject({
      ephemeral: true,
      summary: expect.stringMatching(/No claims by or relayed through CNN/),
    });
    const unknown = await ask('/source qqqqzzzz');
    expect(unknown).toMatchObject({
      ephemeral: true,
      summary: expect.stringMatching(/I know no source called "qqqqzzzz"/),
    });
  });
});

describe('/search', () => {
  it('ranks the claims that share the most telling words first, forgiving a typo', async () => {
    const answer = await ask('/search pentagn soldiers training');
    expect(answer.sections[0]!.lines[0]).toMatch(/^\*\*Pentagon\*\*.*\n> The Pentagon said roughly 3,000/);
  });

  it('matches figures however they are written', async () => {
    const answer = await ask('/search 11000 kursk');
    expect(answer.sections[0]!.lines[0]).toMatch(/Zelenskyy/);
  });

  it('answers no match privately and suggests sources with a similar name', async () => {
    const answer = await ask('/search reuter');
    expect(answer.ephemeral).toBe(true);
    expect(answer.summary).toMatch(/No claims match "reuter".*Reuters/);
  });
});

describe('/claim', () => {
  it('shows one claim in full with the other outlets that reported the same figure', async () => {
    const id = t.app.index.claimsBy('NIS').find((c) => c.article.outletName === 'AP')!.id;
    const answer = await ask(`/claim ${id}`);
    expect(answer.summary).toBe('> The NIS said about 3,000 North Korean troops were now in Russia.');
    const facts = answer.sections[0]!.lines.join('\n');
    for (const fact of [
      '**Hedge:** approximately',
      '**Status:** reported',
      '**Claimant:** NIS',
      '**Outlet:** AP',
      'Oct 24, 2024',
    ])
      expect(facts).toContain(fact);
    expect(answer.sections[1]).toMatchObject({
      heading: 'Same figure elsewhere (1)',
      lines: [expect.stringMatching(/^Korea Herald, Oct 23, 2024/)],
    });
    expect(answer.footer).toBe('First reported Oct 23, 2024, last Oct 24, 2024');
  });

  it('links the article when it has a URL', async () => {
    const yonhap = t.app.index.relayedBy('Yonhap')[0]!;
    expect((await ask(`/claim ${yonhap.id}`)).url).toBe('https://news.example/yonhap/1');
  });

  it('takes a claim number as answers print it, with or without its #', async () => {
    expect(await ask('/claim #1')).toEqual(await ask('/claim 1'));
    expect((await ask('/claim #1')).ephemeral).not.toBe(true);
  });

  it('refuses a claim number that is not a positive whole number or does not exist', async () => {
    expect(await ask('/claim 0')).toMatchObject({
      ephemeral: true,
      summary: expect.stringMatching(/"0" is not a claim number/),
    });
    expect(await ask('/claim 99999')).toMatchObject({
      ephemeral: true,
      summary: expect.stringMatching(/There is no claim #99999/),
    });
    expect(await ask('/claim 12abc')).toMatchObject({ ephemeral: true });
  });
});

describe('autocomplete', () => {
  it('offers at most 25 sources, the busiest first when nothing is typed', () => {
    const choices = sourceChoices(t.app.index, '', null);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({ name: 'NIS', value: 'NIS' });
    expect(sourceChoices(t.app.index, 'yon', null)[0]).toEqual({ name: 'Yonhap', value: 'Yonhap' });
  });

  it('offers the claimants of a topic and the topics by label', () => {
    expect(claimantChoices(t.app.index, 'troops', '', null).map((c) => c.value)).toEqual([
      'Kremlin',
      'NIS',
      'Pentagon',
      'Zelenskyy',
    ]);
    expect(claimantChoices(t.app.index, 'troops', 'pent', null).map((c) => c.value)).toEqual(['Pentagon']);
    expect(topicChoices(t.app.index, 'munit', null)).toEqual([
      { name: 'North Korean munitions supplied to Russia (munitions)', value: 'munitions' },
    ]);
  });

  it("suggests in one server no source or claimant that only another server's sources brought", async () => {
    await t.ingest(
      {
        outlet: 'Harbour Ledger',
        date: '2024-12-02',
        body: 'Colonel Ostrander said about 4,000 North Korean troops were near Kursk.',
      },
      { guildId: 'server-a' },
    );
    const names = (guildId: string, typed: string) => sourceChoices(t.app.index, typed, guildId).map((c) => c.name);
    expect(names('server-a', 'harbour')).toContain('Harbour Ledger');
    expect(names('server-b', 'harbour')).not.toContain('Harbour Ledger');
    expect(names('server-b', '')).not.toContain('Harbour Ledger');
    const claimants = (guildId: string) => claimantChoices(t.app.index, 'troops', '', guildId).map((c) => c.value);
    expect(claimants('server-a').some((n) => /Ostrander/.test(n))).toBe(true);
    expect(claimants('server-b').some((n) => /Ostrander/.test(n))).toBe(false);
    expect(claimants('server-b')).toContain('NIS'); // the defaults every server sees
  });

  it('counts what was just ingested, not a list kept from before it', async () => {
    const before = sourceChoices(t.app.index, '', 'server-a').map((c) => c.name);
    expect(before).not.toContain('Harbour Ledger');
    const claimants = () => claimantChoices(t.app.index, 'troops', '', 'server-a').map((c) => c.value);
    expect(claimants().some((n) => /Ostrander/.test(n))).toBe(false);
    await t.ingest(
      {
        outlet: 'Harbour Ledger',
        date: '2024-12-02',
        body: 'Colonel Ostrander said about 4,000 North Korean troops were near Kursk.',
      },
      { guildId: 'server-a' },
    );
    expect(sourceChoices(t.app.index, '', 'server-a').length).toBeLessThan(25);
    expect(sourceChoices(t.app.index, '', 'server-a').map((c) => c.name)).toContain('Harbour Ledger');
    expect(sourceChoices(t.app.index, 'harbour', 'server-a').map((c) => c.name)).toContain('Harbour Ledger');
    expect(claimants().some((n) => /Ostrander/.test(n))).toBe(true);
  });

  it('keeps every choice within Discord’s 100 characters', () => {
    for (let i = 0; i < 30; i++) t.app.index.names.remember(`A very long outlet name number ${i} `.repeat(6));
    const choices = sourceChoices(t.app.index, 'very long outlet', null);
    expect(choices.length).toBe(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});

describe('search after a restart', () => {
  it('finds every claim of a sentence that holds two figures, not just the first', async () => {
    await t.ingest({
      outlet: 'Reuters',
      date: '2024-12-01',
      body: 'The NIS said about 1,100 North Korean soldiers had been killed and 2,900 wounded near Kursk.',
    });
    const rebuilt = await t.reopen();
    const ids = rebuilt.index.search('kursk killed wounded', 10, null).map((h) => h.claim.low);
    expect(ids).toEqual(expect.arrayContaining([1100, 2900]));
  });
});
