/**
 * A server's moderators managing its own sources. Every lookup is by name within the asking
 * server's scope: a server can never see, pause or remove another server's sources. The
 * defaults are listed to every server (they read them) but only the console changes them.
 */
import { UserError } from '../errors.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { DEFAULTS, type FeedState, type SourceRecord, scopeOf } from '../store/records.js';
import { shown } from './naming.js';

export interface SourceView {
  source: SourceRecord;
  feed: FeedState;
}

export interface SourceStatus extends SourceView {
  /** Items this source has taken in since it was added. */
  taken: number;
  /** One of the defaults, seen from a server: shown, not changeable there. */
  isDefault: boolean;
}

/** The asking server's own live source of that name, or a UserError that says where to look. */
export async function ownSource(newsroom: Newsroom, guildId: string | null, name: string): Promise<SourceRecord> {
  return (await newsroom.port.sourceBook.find(scopeOf(guildId), name.trim())) ?? notFound(name);
}

function notFound(name: string): never {
  throw new UserError(`No source named ${shown(name.trim())} here. \`/sources list\` shows them.`);
}

const view = async (newsroom: Newsroom, source: SourceRecord): Promise<SourceView> => ({
  source,
  feed: await newsroom.port.sourceBook.feed(source.location),
});

/** The server's own sources and the defaults; from the console (null), the defaults only. */
export async function listSources(
  newsroom: Newsroom,
  guildId: string | null,
): Promise<{ own: SourceView[]; defaults: SourceView[] }> {
  const book = newsroom.port.sourceBook;
  const views = async (scope: string) => Promise.all((await book.inScope(scope)).map((s) => view(newsroom, s)));
  return { own: guildId === null ? [] : await views(guildId), defaults: await views(DEFAULTS) };
}

/** One source in detail: the server's own first, else a default of that name. */
export async function sourceStatus(newsroom: Newsroom, guildId: string | null, name: string): Promise<SourceStatus> {
  const book = newsroom.port.sourceBook;
  const own = await book.find(scopeOf(guildId), name.trim());
  const source = own ?? (guildId === null ? undefined : await book.find(DEFAULTS, name.trim())) ?? notFound(name);
  return { ...(await view(newsroom, source)), taken: await book.itemCount(source.id), isDefault: !own };
}

/** Stops polling it; the claims it brought stay, so answers keep them. */
export async function removeSource(
  newsroom: Newsroom,
  guildId: string | null,
  name: string,
  now: Date,
): Promise<SourceRecord> {
  const source = await ownSource(newsroom, guildId, name);
  await newsroom.port.sourceBook.remove(source.id, now);
  return source;
}

export async function pauseSource(newsroom: Newsroom, guildId: string | null, name: string): Promise<SourceRecord> {
  const source = await ownSource(newsroom, guildId, name);
  if (source.pausedReason === 'moderator') throw new UserError(`${shown(source.name)} is already paused.`);
  await newsroom.port.sourceBook.setPaused(source.id, 'moderator');
  return { ...source, paused: true, pausedReason: 'moderator' };
}

/**
 * Polls it again, from the next tick, whether a moderator or the failure policy paused it. The
 * validators are forgotten so that the next read is a full one: the other servers' copies may
 * have taken in items meanwhile, and a 304 would keep them from this one. A failure streak is not
 * reset: the feed is shared, and if it still fails the source is paused again at once.
 */
export async function resumeSource(
  newsroom: Newsroom,
  guildId: string | null,
  name: string,
): Promise<{ source: SourceRecord; was: SourceRecord['pausedReason']; feed: FeedState }> {
  const source = await ownSource(newsroom, guildId, name);
  if (!source.paused) throw new UserError(`${shown(source.name)} is not paused.`);
  const book = newsroom.port.sourceBook;
  await newsroom.port.transaction(async () => {
    await book.setPaused(source.id, null);
    await book.makeDue(source.location, true);
  });
  return {
    source: { ...source, paused: false, pausedReason: null },
    was: source.pausedReason,
    feed: await book.feed(source.location),
  };
}
