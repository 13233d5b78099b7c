/** `/settings`: a server's time zone and notices channel, set by its moderators. */

import type { Answer } from '../answers/answer.js';
import { UserError } from '../errors.js';
import { channelMention, checkChannelId } from '../format/channels.js';
import { formatMoment } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import type { GuildScope } from '../store/records.js';
import type { SettingsChange } from '../store/settings-book.js';
import { zoneOf } from './zone.js';

/** Zones by lower-case name, as Intl lists them. */
let known: Map<string, string> | undefined;

/**
 * An IANA zone Intl accepts, spelled as the moderator meant it with its proper case ("asia/seoul"
 * is Asia/Seoul). Not Intl's canonical name: that is ICU's older one, and "Europe/Kyiv" would
 * come back as "Europe/Kiev".
 */
export function checkTimeZone(text: string): string {
  const typed = text.trim();
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: typed });
    known ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
    if (/^(?:utc|gmt)$/i.test(typed)) return typed.toUpperCase();
    return (
      known.get(typed.toLowerCase()) ??
      typed.replace(/(^|[/_-])(\p{L})/gu, (_, mark, letter) => mark + letter.toUpperCase())
    );
  } catch {
    throw new UserError(
      `"${escapeMarkdown(typed.slice(0, 60))}" is not a time zone I know: give an IANA name such as Asia/Seoul, Europe/Kyiv or America/New_York.`,
    );
  }
}

export interface TypedSettings {
  timeZone: string | null;
  noticesChannel: string | null;
}

const reply = (answer: Omit<Answer, 'ephemeral'>): Answer => ({ ...answer, ephemeral: true });

/** What the server has set, and what each setting falls back to. */
export async function showSettings(newsroom: Newsroom, guildId: GuildScope, now: Date): Promise<Answer> {
  const settings = await newsroom.port.settings.of(guildId);
  const zone = await zoneOf(newsroom, guildId);
  const lines = [
    settings?.timeZone
      ? `**Time zone:** ${zone} (now ${formatMoment(now.toISOString(), zone)})`
      : `**Time zone:** not set; the bot's default, ${zone}`,
    settings?.noticesChannel
      ? `**Notices:** ${channelMention(settings.noticesChannel)}`
      : '**Notices:** not set; they go to the first channel following the source’s topics',
  ];
  return reply({
    title: 'Settings for this server',
    sections: [{ heading: 'Settings', lines }],
    footer: [
      settings && `Last changed by ${escapeMarkdown(settings.changedBy)}, ${formatMoment(settings.changedAt, zone)}`,
      'Briefings run and answers show times in the time zone; source notices go to the notices channel.',
    ]
      .filter(Boolean)
      .join(' · '),
  });
}

/** Sets the settings given, leaves the rest; a new zone reschedules the server's briefings. */
export function changeSettings(
  newsroom: Newsroom,
  guildId: GuildScope,
  typed: TypedSettings,
  by: string,
  now: Date,
): Promise<Answer> {
  if (typed.timeZone === null && typed.noticesChannel === null)
    throw new UserError('Give a timezone, a notices channel or both, e.g. /settings set timezone:Asia/Seoul.');
  const change: SettingsChange = {};
  if (typed.timeZone !== null) change.timeZone = checkTimeZone(typed.timeZone);
  if (typed.noticesChannel !== null) change.noticesChannel = checkChannelId(typed.noticesChannel);
  return saved(newsroom, guildId, change, by, now);
}

/** Puts a setting (or both) back to the default. */
export function resetSettings(
  newsroom: Newsroom,
  guildId: GuildScope,
  what: 'timezone' | 'notices' | 'all',
  by: string,
  now: Date,
): Promise<Answer> {
  const change: SettingsChange = {};
  if (what !== 'notices') change.timeZone = null;
  if (what !== 'timezone') change.noticesChannel = null;
  return saved(newsroom, guildId, change, by, now);
}

async function saved(
  newsroom: Newsroom,
  guildId: GuildScope,
  change: SettingsChange,
  by: string,
  now: Date,
): Promise<Answer> {
  const before = await zoneOf(newsroom, guildId);
  await newsroom.port.settings.change(guildId, change, by, now);
  // Briefing schedules are read in the server's zone: the scheduler sets its clocks again.
  if ((await zoneOf(newsroom, guildId)) !== before) newsroom.routeChanges.digestsChanged();
  return { ...(await showSettings(newsroom, guildId, now)), title: 'Settings saved' };
}
