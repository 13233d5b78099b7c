// A story with hundreds of claimants: a topic answer lists the newest rows and counts the rest,
// and what it lists follows new claims at once (the rows' states are kept between questions).
import { describe, expect, it } from 'vitest';
import { LISTED_ROWS, topicSummary } from '../src/answers/topic-summary.js';
import { DATA_DIR } from '../src/config.js';
import { ClaimIndex } from '../src/index/claim-index.js';
import { loadLexicon } from '../src/newsroom/data-files.js';
import { renderText } from '../src/render/render.js';

const lexicon = loadLexicon(DATA_DIR);
const troops = lexicon.topics.find((t) => t.key === 'troops')!;

function storyOf(claimants: number) {
  const index = new ClaimIndex(lexicon);
  index.addSource({
    id: 1,
    guildId: '',
    name: 'wire',
    kind: 'rss',
    location: 'https://wire.example.test/feed.xml',
    topics: null,
    paused: false,
    pausedReason: null,
    removedAt: null,
    failureNotice: false,
    createdAt: '2024-10-01T00:00:00Z',
  });
  let id = 0;
  const report = (claimant: string, day: string, low: number) => {
    id++;
    index.addArticle(
      {
        id,
        identity: `a${id}`,
        url: null,
        title: null,
        outlet: 'Reuters',
        date: day,
        contentHash: `h${id}`,
        ingestedAt: `${day}T12:00:00Z`,
      },
      [1],
      [
        {
          id,
          articleId: id,
          position: 0,
          sentence: `${claimant} said ${low} North Korean troops were in Russia.`,
          low,
          high: low,
          hedge: null,
          unit: 'troops',
          topic: 'troops',
          status: 'reported',
          claimant,
          via: null,
          speaker: null,
          figureText: String(low),
          role: 'current',
          aside: null,
          wrong: false,
        },
      ],
    );
  };
  for (let i = 0; i < claimants; i++) report(`Body ${i}`, `2024-11-${String(1 + (i % 28)).padStart(2, '0')}`, 1000 + i);
  return { index, report };
}

const ask = (index: ClaimIndex) => topicSummary(index, { topic: troops, since: null, claimant: null, guildId: null });

describe('topic answers in a long story', () => {
  it(`lists the ${LISTED_ROWS} newest rows and counts the others`, () => {
    const { index } = storyOf(LISTED_ROWS + 5);
    const section = ask(index).sections[0]!;
    expect(section.lines).toHaveLength(LISTED_ROWS);
    expect(section.omitted).toBe(5);
    expect(section.lines[0]).toMatch(/Body 27/);
    expect(renderText(ask(index))).toMatch(/and 5 more/);
  });

  it('shows a claim that arrives after the topic was asked about', () => {
    const { index, report } = storyOf(3);
    expect(ask(index).sections[0]!.lines[0]).toMatch(/Body 2/);
    report('Body 1', '2024-12-01', 4000);
    expect(ask(index).sections[0]!.lines[0]).toMatch(/Body 1.*4,000 troops/);
  });

  it('shows the new filing once the topics change, not the rows kept from before', () => {
    const { index } = storyOf(3);
    expect(ask(index).sections[0]!.lines).toHaveLength(3);
    const other = { key: 'other', label: 'Other', units: ['troops'], words: [] };
    const moves = [1, 2, 3].map((id) => ({ id, topic: 'other' }));
    for (const _ of index.retopic({ ...lexicon, topics: [...lexicon.topics, other] }, moves));
    expect(ask(index).sections).toEqual([]);
  });
});
