import { ChannelType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alerts } from '../commands/alerts.js';
import type { Answer } from '../src/answers/answer.js';
import { commandContext } from '../src/app/app.js';
import { answerAutocomplete, answerCommand } from '../src/app/dispatch.js';
import { answerLine } from '../src/console/ask.js';
import { optionReader, parseCommandLine } from '../src/console/command-line.js';
import { silentLogger } from '../src/log.js';
import { renderText } from '../src/render/render.js';
import { type TempApp, tempApp } from './support/store-app.js';

const NOW = new Date('2025-05-02T09:00:00Z');
const G1 = '111111111111111111';
const G2 = '222222222222222222';
const DESK = '333333333333333333';
const WIRE = '444444444444444444';

let t: TempApp;
let digestChanges: number;
const ask = (line: string, guildId: string | null = G1) => answerLine(t.app, line, NOW, silentLogger, guildId);
const text = async (line: string, guildId: string | null = G1) => renderText(await ask(line, guildId));

/** What a member without Manage Server sends: the same command, but not a moderator. */
function asMember(line: string, guildId = G1): Promise<Answer> {
  const parsed = parseCommandLine(
    line,
    t.app.commands.map((c) => c.data.toJSON()),
  );
  const input = { commandName: parsed.name, guildId, options: optionReader(parsed), moderator: false };
  return answerCommand(t.app.commands, input, commandContext(t.app, NOW), silentLogger);
}

beforeEach(async () => {
  t = await tempApp();
  digestChanges = 0;
  t.app.routeChanges.follow(() => void digestChanges++);
});
afterEach(() => t.close());

describe('/alerts as Discord sees it', () => {
  it('is registered for moderators only, in servers only, with channels limited to text and announcement channels', () => {
    const body = alerts.data.toJSON() as ReturnType<typeof alerts.data.toJSON> & { contexts?: number[] };
    expect(alerts.moderator).toBe(true);
    expect(body.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(body.contexts).toEqual([InteractionContextType.Guild]);
    expect(body.options?.map((o) => o.name)).toEqual(['follow', 'unfollow', 'list', 'digest', 'why']);
    const follow = body.options!.find((o) => o.name === 'follow')!;
    const channel = follow.options!.find((o) => o.name === 'channel') as { channel_types?: number[] };
    expect(channel.channel_types).toEqual([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
  });

  it('refuses a member who is not a moderator, and changes nothing', async () => {
    const answer = await asMember(`/alerts follow troops ${DESK}`);
    expect(answer).toMatchObject({ ephemeral: true, summary: expect.stringMatching(/^\/alerts is for moderators/) });
    expect(await t.app.port.routes.follows(G1)).toEqual([]);
    expect((await asMember('/alerts why 1')).summary).toMatch(/is for moderators/);
  });

  it('suggests topics as a moderator types one', async () => {
    const input = {
      commandName: 'alerts',
      guildId: G1,
      moderator: true,
      focused: { name: 'topic', value: 'troop' },
      options: { getString: () => null, getInteger: () => null, getBoolean: () => null, getSubcommand: () => 'follow' },
    };
    const choices = await answerAutocomplete(t.app.commands, input, commandContext(t.app, NOW), silentLogger);
    expect(choices[0]).toEqual({ name: 'North Korean troops in Russia (troops)', value: 'troops' });
  });
});

describe('/alerts follow and unfollow', () => {
  it('follows a topic in a channel and says what the channel will now receive, privately', async () => {
    const answer = await ask(`/alerts follow troops <#${DESK}>`);
    expect(answer.ephemeral).toBe(true);
    expect(answer.title).toBe('Following North Korean troops in Russia');
    expect(answer.summary).toContain(
      `<#${DESK}> will get an alert the first time a figure on North Korean troops in Russia reaches this server`,
    );
    expect(answer.summary).toContain('More than 5 alerts at once are folded into one digest message.');
    expect(await t.app.port.routes.channelsFor(G1, 'troops')).toEqual([DESK]);
  });

  it('takes a topic by its label as well as its key, and lists all the channel follows', async () => {
    await ask(`/alerts follow troops ${DESK}`);
    const answer = await ask(`/alerts follow topic:"Casualties among North Korean troops" channel:${DESK}`);
    expect(answer.summary).toContain(
      `<#${DESK}> follows: Casualties among North Korean troops (\`casualties\`), North Korean troops in Russia (\`troops\`).`,
    );
  });

  it('says so when the channel already follows the topic, and clears a broken mark when followed again', async () => {
    await ask(`/alerts follow troops ${DESK}`);
    await t.app.port.routes.markChannelBroken(G1, DESK, 'Missing Access', NOW);
    const again = await ask(`/alerts follow troops ${DESK}`);
    expect(again.title).toBe('Already following North Korean troops in Russia');
    expect(again.summary).toContain('It was marked broken (Missing Access); alerts will be tried there again.');
    expect(await t.app.port.routes.broken(DESK)).toBeUndefined();
    expect(await t.app.port.routes.follows(G1)).toHaveLength(1);
  });

  it('unfollows, saying what the channel still follows', async () => {
    await ask(`/alerts follow troops ${DESK}`);
    await ask(`/alerts follow casualties ${DESK}`);
    const answer = await ask(`/alerts unfollow troops ${DESK}`);
    expect(answer.title).toBe('Stopped following North Korean troops in Russia');
    expect(answer.summary).toContain('It still follows: Casualties among North Korean troops (`casualties`).');
    expect(await t.app.port.routes.channelsFor(G1, 'troops')).toEqual([]);
  });

  it('explains an unknown topic, a channel that did not follow, and a channel given twice', async () => {
    expect((await ask(`/alerts follow drones ${DESK}`)).summary).toMatch(
      /^There is no topic "drones"\. Topics: `troops`/,
    );
    expect((await ask(`/alerts unfollow troops ${DESK}`)).summary).toBe(
      `<#${DESK}> does not follow North Korean troops in Russia. /alerts list shows what each channel follows.`,
    );
    expect((await ask(`/alerts follow troops channel:${DESK} channel:${WIRE}`)).summary).toMatch(
      /^The option channel is given twice\./,
    );
    expect((await ask(`/alerts follow troops ${DESK} ${WIRE}`)).summary).toMatch(/^Too many values/);
    expect((await ask('/alerts follow troops "#news desk"')).summary).toBe(
      'Name the channel as #name, <#id> or its id: one word, no spaces.',
    );
    expect(await t.app.port.routes.follows(G1)).toEqual([]);
  });

  it('acts on the defaults scope from the console, where channels are named as typed', async () => {
    const answer = await ask('/alerts follow troops #desk', null);
    expect(answer.summary).toContain('#desk will get an alert');
    expect(await t.app.port.routes.channelsFor('', 'troops')).toEqual(['desk']);
    expect(await t.app.port.routes.follows(G1)).toEqual([]);
  });
});

describe('/alerts list', () => {
  it('groups follows by channel, marks broken channels with their reason, and shows briefings', async () => {
    await ask(`/alerts follow troops ${DESK}`);
    await ask(`/alerts follow casualties ${DESK}`);
    await ask(`/alerts follow troops ${WIRE}`);
    await ask(`/alerts digest ${DESK} weekdays 08:00`);
    await t.app.port.routes.markChannelBroken(G1, WIRE, 'Missing Permissions', NOW);
    const answer = await ask('/alerts list');
    expect(answer.ephemeral).toBe(true);
    expect(answer.sections).toEqual([
      {
        heading: 'Follows (2 channels)',
        lines: [
          `<#${DESK}>: Casualties among North Korean troops (\`casualties\`), North Korean troops in Russia (\`troops\`)`,
          `<#${WIRE}>: North Korean troops in Russia (\`troops\`) (**broken** since May 2, 2025, 09:00 UTC: Missing Permissions; follow a topic there again once it is mended)`,
        ],
      },
      {
        heading: 'Briefings',
        lines: [`<#${DESK}>: on weekdays at 08:00 (UTC time), next covering what is new since May 2, 2025, 09:00 UTC`],
      },
    ]);
  });

  it('says how to start when nothing is set up', async () => {
    const answer = await ask('/alerts list');
    expect(answer).toMatchObject({ title: 'No alerts set up', ephemeral: true, sections: [] });
  });

  it("never shows one server another server's follows, briefings or broken channels, nor lets it change them", async () => {
    await ask(`/alerts follow troops ${DESK}`, G1);
    await ask(`/alerts digest ${DESK} daily 07:30`, G1);
    await t.app.port.routes.markChannelBroken(G1, DESK, 'Missing Access', NOW);
    expect((await ask('/alerts list', G2)).title).toBe('No alerts set up');
    expect((await ask(`/alerts unfollow troops ${DESK}`, G2)).summary).toMatch(/does not follow/);
    expect((await ask(`/alerts digest ${DESK} off`, G2)).summary).toBe(`<#${DESK}> has no briefing to turn off.`);
    const followed = await ask(`/alerts follow troops ${DESK}`, G2);
    expect(followed.summary).not.toContain('marked broken');
    expect((await t.app.port.routes.broken(DESK))?.reason).toBe('Missing Access');
    expect(await t.app.port.routes.channelsFor(G1, 'troops')).toEqual([DESK]);
    expect(await t.app.port.routes.digests(G1)).toHaveLength(1);
  });
});

describe('/alerts digest', () => {
  it('reads friendly schedules as cron, says them in words with the time zone, and tells the scheduler', async () => {
    t.app.alertSettings = { ...t.app.alertSettings, timeZone: 'Asia/Seoul' };
    const answer = await ask(`/alerts digest ${DESK} weekdays 08:00`);
    expect(answer).toMatchObject({ title: 'Briefing scheduled', ephemeral: true });
    expect(answer.summary).toContain(
      `<#${DESK}> gets a briefing on weekdays at 08:00, Asia/Seoul time (\`0 8 * * 1-5\`)`,
    );
    expect((await t.app.port.routes.digests(G1)).map((d) => [d.channelId, d.schedule])).toEqual([
      [DESK, '0 8 * * 1-5'],
    ]);
    expect(digestChanges).toBe(1);
  });

  it.each([
    ['daily 07:30', '30 7 * * *', 'every day at 07:30'],
    ['every day at 7:05', '5 7 * * *', 'every day at 07:05'],
    ['monday 09:00', '0 9 * * 1', 'every Monday at 09:00'],
    ['"0 6,18 * * 0,6"', '0 6,18 * * 0,6', 'at weekends at 06:00 and 18:00'],
    ['"0 7 * * mon-fri"', '0 7 * * mon-fri', 'on weekdays at 07:00'],
    ['"15 8 1 * *"', '15 8 1 * *', 'on the cron schedule `15 8 1 * *`'],
  ])('takes %s as the cron schedule %s', async (typed, cron, words) => {
    const answer = await ask(`/alerts digest ${DESK} ${typed}`);
    expect(answer.summary).toContain(`gets a briefing ${words}, UTC time`);
    expect((await t.app.port.routes.digests(G1))[0]!.schedule).toBe(cron);
  });

  it('replaces a channel\'s schedule, and "off" removes it', async () => {
    await ask(`/alerts digest ${DESK} daily 07:30`);
    await ask(`/alerts digest ${DESK} weekdays 08:00`);
    expect((await t.app.port.routes.digests(G1)).map((d) => d.schedule)).toEqual(['0 8 * * 1-5']);
    const off = await ask(`/alerts digest ${DESK} off`);
    expect(off).toMatchObject({ title: 'Briefing off', summary: `<#${DESK}> gets no more scheduled briefings.` });
    expect(await t.app.port.routes.digests(G1)).toEqual([]);
    expect(digestChanges).toBe(3);
  });

  it('explains a schedule it cannot read, one that would post more than once an hour, and "off" with nothing to remove', async () => {
    expect((await ask(`/alerts digest ${DESK} teatime`)).summary).toMatch(
      /^That is not a schedule I can read\. Try "weekdays 08:00"/,
    );
    expect((await ask(`/alerts digest ${DESK} "0 25 * * *"`)).summary).toMatch(/^That is not a schedule I can read/);
    expect((await ask(`/alerts digest ${DESK} "0 0 8 * * *"`)).summary).toMatch(/^That is not a schedule I can read/);
    expect((await ask(`/alerts digest ${DESK} "*/5 * * * *"`)).summary).toMatch(
      /^A briefing can come at most once an hour/,
    );
    expect((await ask(`/alerts digest ${DESK} off`)).summary).toBe(`<#${DESK}> has no briefing to turn off.`);
    expect(await t.app.port.routes.digests(G1)).toEqual([]);
    expect(digestChanges).toBe(0);
  });

  it('shows as one readable reply on the console', async () => {
    expect(await text('/alerts digest #desk daily 07:30', null)).toContain(
      '#desk gets a briefing every day at 07:30, UTC time (`30 7 * * *`)',
    );
  });
});
