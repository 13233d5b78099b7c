/** What a server's settings decide elsewhere: the zone its times are shown and briefings run in, where its moderators hear about sources. */
import type { Asker } from '../answers/asker.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { type GuildScope, scopeOf } from '../store/records.js';
import type { StorePort } from '../store/store-port.js';

/** The server's own zone, else ALERT_TZ. */
export async function zoneOf(newsroom: Pick<Newsroom, 'port' | 'alertSettings'>, guildId: GuildScope): Promise<string> {
  return (await newsroom.port.settings.of(guildId))?.timeZone ?? newsroom.alertSettings.timeZone;
}

/** A member asking now, with the zone their server shows times in. */
export async function askerOf(
  newsroom: Pick<Newsroom, 'port' | 'alertSettings'>,
  guildId: string | null,
  now: Date,
): Promise<Asker> {
  return { guildId, now, timeZone: await zoneOf(newsroom, scopeOf(guildId)) };
}

/**
 * Where the server's moderators hear about its sources and channels: the notices channel it
 * chose, while it works (and is not the one being reported broken); else, as before settings
 * existed, the oldest working channel following one of these topics, else its oldest alert channel.
 */
export async function noticesChannelOf(
  port: StorePort,
  guildId: GuildScope,
  options: { topics?: readonly string[] | null; except?: string } = {},
): Promise<string | undefined> {
  const chosen = (await port.settings.of(guildId))?.noticesChannel;
  if (chosen && chosen !== options.except && !(await port.routes.broken(chosen))) return chosen;
  return port.routes.noticeChannel(guildId, options);
}
