import type { Answer } from '../answers/answer.js';
import { resolveTopic } from '../answers/options.js';
import { UserError } from '../errors.js';
import { channelMention, checkChannelId } from '../format/channels.js';
import { formatMoment } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { zoneOf } from '../settings/zone.js';
import { type GuildScope, viewerOf } from '../store/records.js';
import type { BrokenChannel } from '../store/routes.js';
import { describeSchedule, parseSchedule } from './schedule.js';
import { topicName } from './topic-label.js';

/**
 * What /alerts follow, unfollow, list and digest do to one server's routes. The scope is the
 * server's id ('' for the console's defaults); every read and write is filtered by it, so one
 * server can neither see nor change another's channels.
 */

const reply = (answer: Omit<Answer, 'ephemeral'>): Answer => ({ ...answer, ephemeral: true });

/** The channel's broken mark, if this server's: channel ids are global, marks are not shared. */
async function brokenHere(
  newsroom: Newsroom,
  guildId: GuildScope,
  channelId: string,
): Promise<BrokenChannel | undefined> {
  const broken = await newsroom.port.routes.broken(channelId);
  return broken?.guildId === guildId ? broken : undefined;
}

const brokenNote = (broken: BrokenChannel, zone: string) =>
  `**broken** since ${formatMoment(broken.brokenAt, zone)}: ${escapeMarkdown(broken.reason)}`;

async function followedBy(newsroom: Newsroom, guildId: GuildScope, channelId: string): Promise<string[]> {
  return (await newsroom.port.routes.follows(guildId))
    .filter((f) => f.channelId === channelId)
    .map((f) => topicName(newsroom.index, f.topic));
}

export async function followTopic(
  newsroom: Newsroom,
  guildId: GuildScope,
  topicText: string,
  channelId: string,
  now: Date,
): Promise<Answer> {
  const topic = resolveTopic(newsroom.index, topicText, viewerOf(guildId));
  const channel = channelMention(checkChannelId(channelId));
  const broken = await brokenHere(newsroom, guildId, channelId);
  const added = await newsroom.port.routes.follow(guildId, topic.key, channelId, now);
  // Following again is how a moderator says the channel is mended (permissions fixed, say).
  if (broken) await newsroom.port.routes.clearBroken(channelId);
  const lines = [
    `${channel} will get an alert the first time a figure on ${escapeMarkdown(topic.label)} reaches this server ` +
      '(through its sources or the defaults), and once for each new denial or no-evidence statement.',
    `More than ${newsroom.alertSettings.perChannelPerTick} alerts at once are folded into one digest message.`,
    `${channel} follows: ${(await followedBy(newsroom, guildId, channelId)).join(', ')}.`,
  ];
  if (broken) lines.push(`It was marked broken (${escapeMarkdown(broken.reason)}); alerts will be tried there again.`);
  return reply({
    title: added ? `Following ${topic.label}` : `Already following ${topic.label}`,
    summary: lines.join('\n'),
    sections: [],
  });
}

export async function unfollowTopic(
  newsroom: Newsroom,
  guildId: GuildScope,
  topicText: string,
  channelId: string,
): Promise<Answer> {
  const topic = resolveTopic(newsroom.index, topicText, viewerOf(guildId));
  const channel = channelMention(checkChannelId(channelId));
  if (!(await newsroom.port.routes.unfollow(guildId, topic.key, channelId))) {
    throw new UserError(`${channel} does not follow ${topic.label}. /alerts list shows what each channel follows.`);
  }
  const left = await followedBy(newsroom, guildId, channelId);
  return reply({
    title: `Stopped following ${topic.label}`,
    summary:
      `${channel} gets no more alerts about ${escapeMarkdown(topic.label)}. ` +
      (left.length > 0 ? `It still follows: ${left.join(', ')}.` : 'It follows no other topic.'),
    sections: [],
  });
}

/** This server's follows grouped by channel, broken channels marked, then briefing schedules. */
export async function listRoutes(newsroom: Newsroom, guildId: GuildScope): Promise<Answer> {
  const { routes } = newsroom.port;
  const byChannel = new Map<string, string[]>();
  const digests = await routes.digests(guildId);
  for (const follow of await routes.follows(guildId)) {
    byChannel.set(follow.channelId, [
      ...(byChannel.get(follow.channelId) ?? []),
      topicName(newsroom.index, follow.topic),
    ]);
  }
  const zone = await zoneOf(newsroom, guildId);
  const channels = [...byChannel.keys(), ...digests.map((d) => d.channelId)];
  const marks = new Map(
    await Promise.all(channels.map(async (id) => [id, await brokenHere(newsroom, guildId, id)] as const)),
  );
  const mark = (channelId: string) => {
    const broken = marks.get(channelId);
    return broken ? ` (${brokenNote(broken, zone)}; follow a topic there again once it is mended)` : '';
  };
  const follows = [...byChannel].map(
    ([channelId, topics]) => `${channelMention(channelId)}: ${topics.join(', ')}${mark(channelId)}`,
  );
  const briefings = digests.map(
    (d) =>
      `${channelMention(d.channelId)}: ${describeSchedule(d.schedule)} (${zone} time), next covering what is new since ${formatMoment(d.lastRunAt, zone)}${mark(d.channelId)}`,
  );
  if (follows.length === 0 && briefings.length === 0) {
    return reply({
      title: 'No alerts set up',
      summary:
        'No channel follows a topic and no briefing is scheduled. Start with `/alerts follow <topic> <channel>`.',
      sections: [],
    });
  }
  return reply({
    title: 'Alerts in this server',
    sections: [
      { heading: `Follows (${byChannel.size} channel${byChannel.size === 1 ? '' : 's'})`, lines: follows },
      { heading: 'Briefings', lines: briefings },
    ].filter((s) => s.lines.length > 0),
    footer: `Schedules are read in ${zone} time.`,
  });
}

/** Sets, replaces or (with "off") removes a channel's scheduled briefing, then tells the scheduler. */
export async function setBriefing(
  newsroom: Newsroom,
  guildId: GuildScope,
  channelId: string,
  scheduleText: string,
  now: Date,
): Promise<Answer> {
  const channel = channelMention(checkChannelId(channelId));
  const schedule = parseSchedule(scheduleText);
  const zone = await zoneOf(newsroom, guildId);
  if (!schedule) {
    if (!(await newsroom.port.routes.removeDigest(guildId, channelId)))
      throw new UserError(`${channel} has no briefing to turn off.`);
    newsroom.routeChanges.digestsChanged();
    return reply({ title: 'Briefing off', summary: `${channel} gets no more scheduled briefings.`, sections: [] });
  }
  await newsroom.port.routes.setDigest(guildId, channelId, schedule.cron, now);
  newsroom.routeChanges.digestsChanged();
  return reply({
    title: 'Briefing scheduled',
    summary:
      `${channel} gets a briefing ${schedule.words}, ${zone} time${schedule.words.includes('`') ? '' : ` (\`${schedule.cron}\`)`}: the figures new or changed since ` +
      'the one before, in the topics it follows (every topic while it follows none).',
    sections: [],
  });
}
