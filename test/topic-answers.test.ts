import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerLine } from '../src/console/ask.js';
import { silentLogger } from '../src/log.js';
import { renderText } from '../src/render/render.js';
import { type TempApp, tempApp } from './support/store-app.js';
import { STORY } from './support/story.js';

const NOW = new Date('2024-11-06T09:00:00Z');
let t: TempApp;
const ask = async (line: string, guildId: string | null = null) => {
  const answer = await answerLine(t.app, line, NOW, silentLogger, guildId);
  return { answer, text: renderText(answer) };
};
const section = (answer: { sections: Array<{ heading: string; lines: string[] }> }, heading: string) =>
  answer.sections.find((s) => s.heading.startsWith(heading))?.lines ?? [];

beforeEach(async () => {
  t = await tempApp();
  for (const article of STORY) await t.ingest(article);
});
afterEach(() => t.close());

describe('/troops', () => {
  it('gives each claimant’s latest figure, newest first, with outlet, date and claim number', async () => {
    const { answer } = await ask('/troops');
    const lines = section(answer, 'Latest figure by claimant');
    expect(lines.map((l) => /^\*\*([^*]+)\*\*/.exec(l)?.[1])).toEqual(['Zelenskyy', 'NIS', 'Pentagon']);
    expect(lines[0]).toMatch(/up to 11,000 troops .*Kyiv Independent, Nov 5, 2024 \(#\d+\)/);
  });

  it('says what changed: the claimant’s previous figure and the delta', async () => {
    const nis = section((await ask('/troops')).answer, 'Latest figure by claimant').find((l) =>
      l.startsWith('**NIS**'),
    );
    expect(nis).toMatch(/approximately 3,000 troops · up 1,500 from 1,500 on Oct 18, 2024/);
  });

  it('counts one figure once however many outlets repeat it, and says how many carried it', async () => {
    const nis = section((await ask('/troops')).answer, 'Latest figure by claimant').find((l) =>
      l.startsWith('**NIS**'),
    )!;
    expect(nis).toMatch(/AP, Oct 24, 2024 \(#\d+\) \+1 other outlet$/);
  });

  it('gives the range across claimants’ latest figures', async () => {
    expect((await ask('/troops')).answer.summary).toMatch(/Range across 3 claimants: \*\*3,000–11,000 troops\*\*/);
  });

  it('lists denials apart from figures', async () => {
    const { answer } = await ask('/troops');
    expect(section(answer, 'Denials')).toEqual([expect.stringMatching(/^\*\*Kremlin\*\* denied · TASS, Oct 25, 2024/)]);
  });

  it('with since, keeps only what was reported on or after that day, in any common date form', async () => {
    const claimants = async (line: string) =>
      section((await ask(line)).answer, 'Latest figure by claimant').map((l) => /^\*\*([^*]+)/.exec(l)?.[1]);
    expect(await claimants('/troops since:2024-11-01')).toEqual(['Zelenskyy']);
    expect(await claimants('/troops since:"Oct 24, 2024"')).toEqual(['Zelenskyy', 'NIS', 'Pentagon']);
    expect(await claimants('/troops since:yesterday')).toEqual(['Zelenskyy']);
    expect(await claimants('/troops since:today')).toEqual([]);
  });

  it('with claimant, shows that claimant alone, by any alias or with a typo', async () => {
    for (const name of ['nis', 'National Intelligence Service', 'South Korea’s spy agency']) {
      const lines = section((await ask(`/troops claimant:${name}`)).answer, 'Latest figure by claimant');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^\*\*NIS\*\*/);
    }
    expect(section((await ask('/troops claimant:zelensky')).answer, 'Latest')[0]).toMatch(/^\*\*Zelenskyy\*\*/);
  });

  it('answers an empty result privately, with a way forward', async () => {
    const { answer } = await ask('/casualties');
    expect(answer.ephemeral).toBe(true);
    expect(answer.summary).toMatch(/No claims on casualties/);
  });

  it('refuses a since that is not a date with a message that says what would work', async () => {
    const { answer } = await ask('/troops since:whenever');
    expect(answer.ephemeral).toBe(true);
    expect(answer.summary).toMatch(/not a date I can read: try 2024-11-01/);
  });
});

describe('/topic', () => {
  it('answers any topic by key or label, and names the topics when asked for one that does not exist', async () => {
    expect((await ask('/topic troops')).answer.title).toBe('North Korean troops in Russia');
    const { answer } = await ask('/topic weather');
    expect(answer.ephemeral).toBe(true);
    expect(answer.summary).toMatch(/no topic "weather".*`troops`.*`casualties`/);
  });
});

describe('each newsroom’s own sources', () => {
  const SCOOP = {
    outlet: 'The Guardian',
    date: '2024-11-06',
    body: 'The Pentagon said 12,000 North Korean soldiers were now in Russia.',
  };

  it('a server sees its own source’s figures; other servers and the console do not', async () => {
    await t.ingest(SCOOP, { guildId: '111' });
    const pentagon = async (guildId: string | null) =>
      section((await ask('/troops', guildId)).answer, 'Latest').find((l) => l.startsWith('**Pentagon**'));
    expect(await pentagon('111')).toMatch(/12,000 troops · up 9,000 from 3,000/);
    expect(await pentagon('222')).toMatch(/approximately 3,000 troops · first figure/);
    expect(await pentagon(null)).toMatch(/approximately 3,000 troops/);
  });

  it('a claim from another server’s source is as absent as one that never existed', async () => {
    const { added } = await t.ingest(SCOOP, { guildId: '111' });
    const id = added[0]!.id;
    expect((await ask(`/claim ${id}`, '111')).answer.title).toMatch(/12,000 troops/);
    const elsewhere = await ask(`/claim ${id}`, '222');
    expect(elsewhere.answer.ephemeral).toBe(true);
    expect(elsewhere.answer.summary).toBe(
      (await ask('/claim 99999', '222')).answer.summary!.replace('99999', String(id)),
    );
    expect((await ask('/search guardian pentagon 12000', '222')).text).not.toMatch(/12,000/);
  });

  it('/source counts a server’s own claims for that server only, until the defaults carry them too', async () => {
    await t.ingest(SCOOP, { guildId: '111' });
    const heading = async (guildId: string | null) =>
      (await ask('/source pentagon', guildId)).answer.sections[0]!.heading;
    expect(await heading('111')).toBe('Claimed (2 claims)');
    expect(await heading('222')).toBe('Claimed (1 claim)');
    await t.ingest(SCOOP);
    expect(await heading('222')).toBe('Claimed (2 claims)');
    expect(await heading('111')).toBe('Claimed (2 claims)');
  });

  it('the same article reaching the defaults later becomes everyone’s', async () => {
    await t.ingest(SCOOP, { guildId: '111' });
    expect((await t.ingest(SCOOP)).duplicate).toBe(true);
    expect((await ask('/troops', '222')).text).toMatch(/Pentagon: 12,000 troops/);
    expect((await ask('/troops', '222')).text).toMatch(/12,000 troops/);
    const rebuilt = await t.reopen();
    expect(renderText(await answerLine(rebuilt, '/troops', NOW, silentLogger, '222'))).toMatch(
      /Pentagon: 12,000 troops/,
    );
  });
});
