import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempApp, tempApp } from './support/store-app.js';
import { THREE_ESTIMATES } from './support/story.js';

// ClaimIndex.retopic files claims again beside the filing answers read, a slice at a time.

let t: TempApp;
beforeEach(async () => {
  t = await tempApp();
  for (const article of THREE_ESTIMATES) await t.ingest(article);
});
afterEach(() => t.close());

const troopRows = () => t.app.index.topicRows('troops').flatMap((r) => r.figures.map((f) => f.low));

describe('re-filing the index in slices', () => {
  it('keeps answering from the old filing until every claim is filed anew, then swaps at once', () => {
    const { index, lexiconData } = t.app;
    const ids = index.topicRows('troops').flatMap((r) => r.figures.flatMap((f) => f.claims.map((c) => c.id)));
    const lexicon = {
      ...lexiconData,
      topics: [...lexiconData.topics, { key: 'other', label: 'Other', units: ['troops'], words: [] }],
    };
    const steps = index.retopic(
      lexicon,
      ids.map((id) => ({ id, topic: 'other' })),
      1,
    );
    steps.next();
    expect(troopRows()).toEqual([3000, 10000, 11000]);
    for (const _ of steps);
    expect(troopRows()).toEqual([]);
    expect(index.topicRows('other').flatMap((r) => r.figures.map((f) => f.low))).toEqual([3000, 10000, 11000]);
    expect(index.claim(ids[0]!)?.topic).toBe('other');
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'files a claim that arrives after step %i, filing or sorting, in the new filing too',
    async (step) => {
      const { index, lexiconData } = t.app;
      const steps = index.retopic(lexiconData, [], 1);
      for (let i = 0; i < step; i++) steps.next();
      await t.ingest({
        outlet: 'Seoul Ledger',
        date: '2024-10-20',
        title: 'North Korean troops',
        body: "South Korea's spy agency said about 1,500 North Korean troops had reached Russia.",
      });
      for (const _ of steps);
      const figures = index.topicRows('troops').flatMap((r) => r.figures);
      expect(figures.map((f) => f.low)).toContain(1500);
      for (const figure of figures)
        expect(figure.claims.map((c) => c.article.day)).toEqual(figure.claims.map((c) => c.article.day).sort());
    },
  );
});
