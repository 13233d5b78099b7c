import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../src/answers/answer.js';
import { type AlertRig, alertRig } from './support/alert-rig.js';
import { answerText, askApp } from './support/ask.js';
import type { TestItem } from './support/feed-server.js';

// A newsroom sets up a second story with commands alone, on real parts: feeds on 127.0.0.1,
// a real SQLite store, the poller and the real REST client posting to a fake Discord.

const FLOOD: TestItem[] = [
  {
    guid: 'f-1',
    title: 'Derna counts its dead after two dams burst',
    date: '2023-09-12',
    content:
      'Officials in eastern Libya said on Tuesday that 2,300 people were killed when Storm Daniel broke two dams above Derna.',
  },
  {
    guid: 'f-2',
    title: 'Red Crescent gives a higher toll for Derna',
    date: '2023-09-13',
    content: 'The Libyan Red Crescent said 11,300 people had died in Derna, with the search still going on.',
  },
];
const LATER: TestItem = {
  guid: 'f-3',
  title: 'WHO revises the flood toll',
  date: '2023-09-17',
  content:
    'The World Health Organization said 3,958 bodies had been recovered and identified in Derna after the floods.',
};

let rig: AlertRig;

beforeEach(async () => {
  rig = await alertRig();
});
afterEach(async () => {
  await rig.close();
});

function ask(line: string, guildId: string | null = rig.guildId, moderator = true): Promise<Answer> {
  return askApp(rig.temp.app, line, { guildId, moderator, now: new Date('2023-09-18T08:00:00Z') });
}

const text = answerText;

const ADD_FLOOD =
  '/topics add key:flood-deaths label:"Deaths in the Derna floods" units:"deaths, dead, killed, bodies" subjects:"Derna, Libya, floods, Storm Daniel" story:"Derna floods"';

describe('a second story set up by command', () => {
  it('re-files the stored flood tolls, answers across claimants and alerts on the next toll, leaving North Korea as it was', async () => {
    await rig.temp.ingest({
      outlet: 'Seoul Ledger',
      date: '2024-11-01',
      title: 'North Korean troops',
      body: "South Korea's spy agency said about 3,000 North Korean troops had reached Russia.",
    });
    const troopsBefore = text(await ask('/troops chart:false'));
    await rig.feedSource('Libya Desk', '/libya.xml', FLOOD);

    const suggested = text(await ask('/topics suggest'));
    expect(suggested).toContain('/topics add key:derna-deaths');
    expect(suggested).toMatch(/subjects:"[^"]*Derna/);
    expect(suggested).toContain('2 figures');
    const added = await ask(ADD_FLOOD);
    expect(text(added)).toContain('2 stored claims re-filed');
    const answer = text(await ask('/topic name:flood-deaths chart:false'));
    expect(answer).toContain('Deaths in the Derna floods');
    expect(answer).toContain('Topic set by editor, ');
    expect(answer).toMatch(/Range across 2 claimants: 2,300[–-]11,300 deaths/);

    await ask(`/alerts follow topic:flood-deaths channel:${rig.channel('desk')}`);
    rig.serveFeed('/libya.xml', 'Libya Desk', [LATER, ...FLOOD]);
    await rig.tick(new Date('2023-09-18T09:00:00Z'));
    const alerts = rig.posted('desk');
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0])).toContain('3,958');

    expect(text(await ask('/troops chart:false'))).toBe(troopsBefore);
  });

  it('answers after a topic change as it does after a restart on the same store', async () => {
    await rig.feedSource('Libya Desk', '/libya.xml', FLOOD);
    await ask(ADD_FLOOD);
    const questions = [
      '/topic name:flood-deaths chart:false',
      '/casualties chart:false',
      '/source name:"Libyan Red Crescent"',
    ];
    const live = await Promise.all(questions.map(async (q) => text(await ask(q))));
    await rig.temp.reopen();
    const restarted = await Promise.all(questions.map(async (q) => text(await ask(q))));
    expect(restarted).toEqual(live);
  });

  it('keeps one server’s topics to itself', async () => {
    await rig.feedSource('Libya Desk', '/libya.xml', FLOOD);
    await ask(ADD_FLOOD);
    const elsewhere = await ask('/topic name:flood-deaths chart:false', 'other-server');
    expect(text(elsewhere)).toContain('There is no topic "flood-deaths"');
    expect(text(await ask('/topics list', 'other-server'))).not.toContain('flood-deaths');
    const list = text(await ask('/topics list'));
    expect(list).toContain('Last change: added flood-deaths by editor');
    expect(list).toMatch(/Derna floods\n.*flood-deaths/);
  });

  it('files each server’s own articles under its own topic when two servers define the same one', async () => {
    await ask(ADD_FLOOD);
    await ask(ADD_FLOOD, 'other-server');
    await rig.feedSource('Libya Desk', '/libya.xml', FLOOD);
    rig.serveFeed('/other.xml', 'Other Desk', [LATER]);
    await rig.addSource('Other Desk', '/other.xml', 'other-server');
    await ask(ADD_FLOOD.replace('key:flood-deaths', 'key:flood-toll'), 'third-server');
    expect(text(await ask('/topic name:flood-deaths chart:false'))).toContain('11,300');
    expect(text(await ask('/topic name:flood-deaths chart:false'))).not.toContain('3,958');
    const other = text(await ask('/topic name:flood-deaths chart:false', 'other-server'));
    expect(other).toContain('3,958');
    expect(other).not.toContain('11,300');
    expect(text(await ask('/topic name:flood-toll chart:false', 'third-server'))).toContain('No claims');
  });

  it('re-files claims out of a topic that is removed, and its follows go with it', async () => {
    await rig.feedSource('Libya Desk', '/libya.xml', FLOOD);
    await ask(ADD_FLOOD);
    await ask(`/alerts follow topic:flood-deaths channel:${rig.channel('desk')}`);
    expect(text(await ask('/topics remove key:flood-deaths'))).toContain('2 stored claims re-filed out of it');
    expect(await rig.temp.app.port.routes.follows(rig.guildId)).toEqual([]);
    expect(await rig.temp.query("SELECT count(*) AS n FROM claims WHERE topic LIKE 'flood%'")).toEqual([{ n: 0 }]);
  });

  it('narrows a topic by editing its subjects, and says how many claims moved', async () => {
    await rig.feedSource('Libya Desk', '/libya.xml', FLOOD);
    await ask(ADD_FLOOD);
    const edited = text(await ask('/topics edit key:flood-deaths subjects:"Storm Daniel"'));
    expect(edited).toContain('1 stored claim re-filed');
    expect(text(await ask('/topic name:flood-deaths chart:false'))).toContain('2,300');
  });
});

describe('bad topic commands change nothing and say why', () => {
  it.each([
    [ADD_FLOOD.replace('key:flood-deaths', 'key:Flood_Deaths!'), 'cannot be a topic key'],
    [ADD_FLOOD.replace('key:flood-deaths', 'key:troops'), 'is a default topic'],
    [ADD_FLOOD.replace('key:flood-deaths', 'key:search'), 'built-in command'],
    [ADD_FLOOD.replace('units:"deaths, dead, killed, bodies"', 'units:" , ;"'), 'Give at least one unit'],
    [
      ADD_FLOOD.replace(
        'units:"deaths, dead, killed, bodies"',
        `units:"${Array.from({ length: 120 }, (_, i) => `u${i}`).join(',')}"`,
      ),
      'at most 100',
    ],
    ['/topics edit key:nothing-here label:X', 'no topic `nothing-here`'],
    ['/topics edit key:casualties label:X', 'comes from the data files'],
  ])('%s', async (line, message) => {
    const answer = await ask(line);
    expect(answer.ephemeral).toBe(true);
    expect(text(answer)).toContain(message);
    expect(await rig.temp.app.port.topics.all()).toEqual([]);
  });

  it('refuses a duplicate key and keeps the first definition', async () => {
    await ask(ADD_FLOOD);
    const again = await ask(ADD_FLOOD.replace('Deaths in the Derna floods', 'Another label'));
    expect(text(again)).toContain('exists already');
    expect((await rig.temp.app.port.topics.all()).map((t) => t.def.label)).toEqual(['Deaths in the Derna floods']);
  });

  it('refuses a member who is not a moderator', async () => {
    const answer = await ask(ADD_FLOOD, rig.guildId, false);
    expect(answer.ephemeral).toBe(true);
    expect(await rig.temp.app.port.topics.all()).toEqual([]);
  });
});
