/** What a server's settings decide elsewhere: the zone its times are shown and briefings run in, where its moderators hear about sources. */
import type { Asker } from '../answers/asker.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { type GuildScope, scopeOf } from '../store/records.js';
import type { Store } from '../store/store.js';

/** The server's own zone, else ALERT_TZ. */
export function zoneOf(newsroom: Pick<Newsroom, 'store' | 'alertSettings'>, guildId: GuildScope): string {
  return newsroom.store.settings.of(guildId)?.timeZone ?? newsroom.alertSettings.timeZone;
}

/** A member asking now, with the zone their server shows times in. */
export function askerOf(newsroom: Pick<Newsroom, 'store' | 'alertSettings'>, guildId: string | null, now: Date): Asker {
  return { guildId, now, timeZone: zoneOf(newsroom, scopeOf(guildId)) };
}

/**
 * Where the server's moderators hear about its sources and channels: the notices channel it
 * chose, while it works (and is not the one being reported broken); else, as before settings
 * existed, the oldest working channel following one of these topics, else its oldest alert channel.
 */
export function noticesChannelOf(
  store: Store,
  guildId: GuildScope,
  options: { topics?: readonly string[] | null; except?: string } = {},
): string | undefined {
  const chosen = store.settings.of(guildId)?.noticesChannel;
  if (chosen && chosen !== options.except && !store.routes.broken(chosen)) return chosen;
  return store.routes.noticeChannel(guildId, options);
}
