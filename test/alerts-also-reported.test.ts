// A posted alert names the other outlets that carry its figure within a few days: real feeds on
// 127.0.0.1, a real store, the real discord.js REST client posting to and editing on the fake Discord.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AlertRig, alertRig } from './support/alert-rig.js';
import type { TestItem } from './support/feed-server.js';

// Articles written for this test.
const item = (guid: string, date: string, content: string): TestItem => ({
  title: guid,
  guid,
  link: `https://news.example/${guid}`,
  date,
  content,
});
const FIRST = item(
  'w-1',
  '2030-09-01',
  'The National Intelligence Service said about 3,000 North Korean troops were in Russia.',
);
const RAISED = item(
  'w-2',
  '2030-09-05',
  'The National Intelligence Service said about 12,000 North Korean troops were in Russia.',
);
const REPEAT = item(
  'h-1',
  '2030-09-06',
  'About 12,000 North Korean troops are in Russia, according to the National Intelligence Service.',
);
const at = (day: string) => new Date(`${day}T12:00:00Z`);

let rig: AlertRig;
let wire: TestItem[];
let harbour: TestItem[];
let lantern: TestItem[];
beforeEach(async () => {
  rig = await alertRig();
  await rig.follow('troops', 'alerts');
  wire = [FIRST];
  harbour = [];
  lantern = [];
  await rig.feedSource('Desk Wire', '/wire.xml', wire);
  await rig.feedSource('Harbour Times', '/harbour.xml', harbour);
  await rig.feedSource('Lantern Post', '/lantern.xml', lantern);
  wire.push(RAISED);
  await rig.tick(at('2030-09-05'));
});
afterEach(async () => {
  await rig.close();
});

const posted = () => JSON.stringify(rig.fake.channelMessages[0]!.message.embeds);

describe('"also reported by" on a posted alert', () => {
  it('edits the alert to name another outlet carrying the figure, once', async () => {
    expect(rig.posted('alerts')).toHaveLength(1);
    harbour.push(REPEAT);
    await rig.tick(at('2030-09-06'));
    expect(rig.posted('alerts')).toHaveLength(1);
    expect(rig.fake.messageEdits).toHaveLength(1);
    expect(posted()).toMatch(/"Also reported by","value":"Harbour Times \(Sep 6, 2030\)"/);
    // The same outlet again names nobody new: no second edit.
    harbour.push({ ...REPEAT, guid: 'h-2', link: 'https://news.example/h-2', content: `${REPEAT.content} Again.` });
    await rig.tick(at('2030-09-07'));
    expect(rig.fake.messageEdits).toHaveLength(1);
  });

  it('leaves the alert alone when the repeat comes after the window', async () => {
    lantern.push({ ...REPEAT, guid: 'l-1', link: 'https://news.example/l-1', date: '2030-09-20' });
    await rig.tick(at('2030-09-20'));
    expect(rig.fake.messageEdits).toHaveLength(0);
    expect(posted()).not.toMatch(/Also reported by/);
  });
});
