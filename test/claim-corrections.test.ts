// Moderators correct the record through the real /correction and /claim commands, over a real
// store, feeds on 127.0.0.1 and the real discord.js REST client posting to (and editing on) the fake Discord.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../src/answers/answer.js';
import { commandContext } from '../src/app/app.js';
import { answerCommand } from '../src/app/dispatch.js';
import { optionReader, parseCommandLine } from '../src/console/command-line.js';
import { silentLogger } from '../src/log.js';
import { renderText } from '../src/render/render.js';
import { type AlertRig, alertRig } from './support/alert-rig.js';
import type { TestItem } from './support/feed-server.js';

// Articles written for these tests.
const FIRST: TestItem = {
  title: 'First count',
  guid: 'desk-1',
  link: 'https://desk.example/1',
  date: '2030-08-01',
  content: 'The National Intelligence Service said about 3,000 North Korean troops had reached Russia.',
};
const RAISED: TestItem = {
  title: 'Count rises',
  guid: 'desk-2',
  link: 'https://desk.example/2',
  date: '2030-08-05',
  content: 'The National Intelligence Service said about 10,000 North Korean troops were now in Russia.',
};
const at = (day: string) => new Date(`${day}T12:00:00Z`);

let rig: AlertRig;
let raisedClaimId: number;
beforeEach(async () => {
  rig = await alertRig();
  await rig.follow('troops', 'alerts');
  await rig.feedSource('Desk Wire', '/desk.xml', [FIRST, RAISED].slice(0, 1));
  rig.serveFeed('/desk.xml', 'Desk Wire', [FIRST, RAISED]);
  await rig.tick(at('2030-08-05'));
  const [raised] = await rig.temp.query<{ id: number }>("SELECT id FROM claims WHERE sentence LIKE '%10,000%'");
  raisedClaimId = raised!.id;
});
afterEach(async () => {
  await rig.close();
});

async function ask(line: string, options: { moderator?: boolean; guildId?: string | null } = {}): Promise<string> {
  const app = rig.temp.app;
  const parsed = parseCommandLine(
    line,
    app.commands.map((c) => c.data.toJSON()),
  );
  const input = {
    commandName: parsed.name,
    guildId: options.guildId === undefined ? rig.guildId : options.guildId,
    options: optionReader(parsed),
    moderator: options.moderator ?? true,
    user: 'jane (42)',
  };
  const answer: Answer = await answerCommand(app.commands, input, commandContext(app, at('2030-08-06')), silentLogger);
  return renderText(answer);
}

const alertedClaim = async () => (await rig.temp.app.port.edits.alertsOf(raisedId()))[0]!;
const raisedId = () => raisedClaimId;
const postedText = () => JSON.stringify(rig.fake.channelMessages.at(-1)!.message.embeds);

describe('a moderator corrects a claim', () => {
  it('fixes the figure: the posted alert is edited with a correction line, and /claim shows who and when', async () => {
    expect(rig.posted('alerts')).toHaveLength(1);
    expect((await alertedClaim()).status).toBe('sent');
    const reply = await ask(`/correction fix ${raisedId()} figure:9,000 note:the agency revised its count`);
    expect(reply).toMatch(/corrected[\s\S]*figure 10,000 → 9,000[\s\S]*1 posted alert will be edited/);
    await rig.tick(at('2030-08-06'));
    expect(rig.fake.messageEdits).toHaveLength(1);
    expect(rig.fake.messageEdits[0]!.messageId).toBe(rig.fake.channelMessages[0]!.message.id);
    // The edit keeps the reference the post carried in its footer.
    const footer = (m: { embeds?: Array<{ footer?: { text?: string } }> }) => m.embeds?.[0]?.footer?.text ?? '';
    expect(footer(rig.fake.messageEdits[0]!.body)).toMatch(/Claim #\d+ .*· /);
    expect(footer(rig.fake.messageEdits[0]!.body).split(' · ').at(-1)).toBe(
      footer(rig.fake.channelMessages[0]!.request.body as never)
        .split(' · ')
        .at(-1),
    );
    expect(postedText()).toMatch(
      /"Correction","value":"\*\*Corrected\*\* Aug 6, 2030 by jane [^:]*42[^:]*: figure 10,000 → 9,000 \(the agency revised its count\)/,
    );
    expect(postedText()).toContain('"description":"~~**NIS**: approximately 10,000 troops · reported~~');
    const detail = await ask(`/claim ${raisedId()}`);
    expect(detail).toMatch(/Figure:\** 9,000/);
    expect(detail).toMatch(/Corrections \(1\)[\s\S]*UTC · jane \(42\): figure 10,000 → 9,000/);
    expect(await ask('/troops chart:false')).toMatch(/NIS: approximately 9,000 troops · up 6,000 from 3,000/);
    // Edited once: a later tick has nothing more to send.
    await rig.tick(at('2030-08-07'));
    expect(rig.fake.messageEdits).toHaveLength(1);
  });

  it('marks a claim wrong: hidden from answers, kept for /claim, and the posted alert retracted', async () => {
    await ask(`/correction wrong ${raisedId()} note:misread briefing`);
    await rig.tick(at('2030-08-06'));
    expect(rig.fake.messageEdits).toHaveLength(1);
    expect(postedText()).toMatch(/Retracted: New figure/);
    expect(postedText()).toMatch(/marked wrong and withdrawn \(misread briefing\)/);
    const troops = await ask('/troops chart:false');
    expect(troops).toMatch(/NIS: approximately 3,000 troops/);
    expect(troops).not.toMatch(/10,000/);
    expect(await ask('/search 10,000')).not.toMatch(new RegExp(`#${raisedId()}\\b`));
    expect(await ask(`/claim ${raisedId()}`)).toMatch(/Marked wrong:\** hidden from answers/);
    const source = await ask('/source NIS');
    expect(source).toMatch(/\(1 claim\)/);
    expect(source).not.toMatch(/10,000/);
  });

  it('keeps the correction, and delivers its edit, across a restart', async () => {
    await ask(`/correction fix ${raisedId()} claimant:Pentagon status:confirmed`);
    await rig.temp.reopen();
    expect(await ask(`/claim ${raisedId()}`)).toMatch(
      /Status:\** confirmed[\s\S]*Claimant:\** Pentagon[\s\S]*claimant NIS → Pentagon/,
    );
    await rig.tick(at('2030-08-06'));
    expect(rig.fake.messageEdits).toHaveLength(1);
    expect(postedText()).toMatch(/claimant NIS → Pentagon; status reported → confirmed/);
    expect(await ask('/troops chart:false')).toMatch(/Pentagon: approximately 10,000 troops · first figure/);
  });
});

describe('corrections are guarded', () => {
  it('refuses members who are not moderators, and changes nothing', async () => {
    expect(await ask(`/correction fix ${raisedId()} figure:1`, { moderator: false })).toMatch(/for moderators/);
    expect(await ask(`/claim ${raisedId()}`)).not.toMatch(/Corrections/);
  });

  it('says what is wrong with a bad figure, an unknown topic or a correction that changes nothing', async () => {
    expect(await ask(`/correction fix ${raisedId()} figure:lots`)).toMatch(/"lots" is not a figure/);
    expect(await ask(`/correction fix ${raisedId()} topic:weather`)).toMatch(/There is no topic "weather"/);
    expect(await ask(`/correction fix ${raisedId()} figure:10,000`)).toMatch(/already reads that way/);
    expect(await ask(`/correction fix ${raisedId()}`)).toMatch(/Say what to correct/);
    expect(await rig.temp.app.port.corrections.history(raisedId())).toEqual([]);
  });

  it('leaves another server’s claims and the shared defaults alone', async () => {
    expect(await ask(`/correction fix ${raisedId()} figure:1`, { guildId: 'another-server' })).toMatch(
      /There is no claim #/,
    );
    const shared = (
      await rig.temp.ingest({
        outlet: 'Shared Wire',
        date: '2030-08-06',
        body: 'The Pentagon said about 11,000 North Korean troops were in Russia.',
      })
    ).added[0]!;
    expect(await ask(`/correction fix ${shared.id} figure:12,000`)).toMatch(/a source other servers share/);
    // The operator, at the console, may correct the defaults.
    expect(await ask(`/correction fix ${shared.id} figure:12,000`, { guildId: null })).toMatch(/corrected/);
  });
});
