// A moderator's correction and a topic re-filing meet: neither may undo the other. The fix is
// made with /correction as the console types it, the re-filing with /topics or, for the index's
// slices, by ClaimIndex.retopic stepped by hand as applyTopicChange would step it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerText, askApp } from './support/ask.js';
import { type TempApp, tempApp } from './support/store-app.js';
import { THREE_ESTIMATES } from './support/story.js';

const NOW = new Date('2024-12-01T09:00:00Z');
let t: TempApp;
beforeEach(async () => {
  t = await tempApp();
  for (const article of THREE_ESTIMATES) await t.ingest(article);
});
afterEach(() => t.close());

const ask = (line: string) => askApp(t.app, line, { guildId: null, moderator: true, user: 'night editor', now: NOW });
const idOf = (low: number) =>
  t.app.index
    .topicRows('troops')
    .flatMap((r) => r.figures)
    .find((f) => f.low === low)!.claims[0]!.id;

describe('a correction made while the index files claims anew', () => {
  it.each([1, 2, 3, 4, 5, 6])('is in the filing that swaps in, made after step %i', async (step) => {
    const { index, lexiconData } = t.app;
    const id = idOf(3000);
    const steps = index.retopic(lexiconData, [], 1);
    for (let i = 0; i < step; i++) steps.next();
    expect(answerText(await ask(`/correction fix ${id} figure:4,000 note:misread`))).toMatch(/^Claim #\d+ corrected/);
    for (const _ of steps);
    expect(index.claim(id)).toMatchObject({ low: 4000, high: 4000 });
    const lows = index.topicRows('troops').flatMap((r) => r.figures.map((f) => f.low));
    expect(lows.sort((a, b) => a! - b!)).toEqual([4000, 10000, 11000]);
    expect(answerText(await ask('/troops chart:false'))).not.toContain('3,000');
  });

  it.each([1, 2, 3, 4, 5, 6])('keeps the topic a moderator chose over the move, made after step %i', async (step) => {
    const { index, lexiconData } = t.app;
    const ids = [idOf(3000), idOf(10000), idOf(11000)];
    const lexicon = {
      ...lexiconData,
      topics: [...lexiconData.topics, { key: 'other', label: 'Other', units: ['troops'], words: [] }],
    };
    const steps = index.retopic(
      lexicon,
      ids.map((id) => ({ id, topic: 'other' })),
      1,
    );
    for (let i = 0; i < step; i++) steps.next();
    await ask(`/correction fix ${ids[1]} topic:casualties`);
    for (const _ of steps);
    expect(ids.map((id) => index.claim(id)!.topic)).toEqual(['other', 'casualties', 'other']);
    expect(index.topicRows('casualties').flatMap((r) => r.figures.map((f) => f.low))).toEqual([10000]);
    expect(index.topicRows('other').flatMap((r) => r.figures.map((f) => f.low))).toEqual([3000, 11000]);
  });
});

describe('a topic re-filing after a moderator chose a claim’s topic', () => {
  it('leaves the chosen topic, in the index and in the store after a restart', async () => {
    const id = idOf(10000);
    expect(t.app.index.claim(id)!.topic).toBe('troops');
    await ask(`/correction fix ${id} topic:casualties note:these were losses`);
    const added = answerText(
      await ask('/topics add key:drones label:"Drones supplied" units:"drones" subjects:"Shahed, drones"'),
    );
    expect(added).toMatch(/drones/i);
    expect(t.app.index.claim(id)!.topic).toBe('casualties');
    // The other claims were re-filed by their words as before.
    expect(t.app.index.claim(idOf(3000))!.topic).toBe('troops');
    const reopened = await t.reopen();
    expect(reopened.index.claim(id)!.topic).toBe('casualties');
  });

  it('re-files the claim once its chosen topic is removed', async () => {
    await ask('/topics add key:losses label:"Losses" units:"troops" subjects:"Kursk losses"');
    const id = idOf(10000);
    await ask(`/correction fix ${id} topic:losses`);
    expect(t.app.index.claim(id)!.topic).toBe('losses');
    await ask('/topics remove key:losses');
    expect(t.app.index.claim(id)!.topic).toBe('troops');
  });
});
