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
export function ownSource(newsroom: Newsroom, guildId: string | null, name: string): SourceRecord {
  return newsroom.store.sourceBook.find(scopeOf(guildId), name.trim()) ?? notFound(name);
}

function notFound(name: string): never {
  throw new UserError(`No source named ${shown(name.trim())} here. \`/sources list\` shows them.`);
}

const view = (newsroom: Newsroom, source: SourceRecord): SourceView => ({
  source,
  feed: newsroom.store.sourceBook.feed(source.location),
});

/** The server's own sources and the defaults; from the console (null), the defaults only. */
export function listSources(newsroom: Newsroom, guildId: string | null): { own: SourceView[]; defaults: SourceView[] } {
  const book = newsroom.store.sourceBook;
  const own = guildId === null ? [] : book.inScope(guildId).map((s) => view(newsroom, s));
  return { own, defaults: book.inScope(DEFAULTS).map((s) => view(newsroom, s)) };
}

/** One source in detail: the server's own first, else a default of that name. */
export function sourceStatus(newsroom: Newsroom, guildId: string | null, name: string): SourceStatus {
  const book = newsroom.store.sourceBook;
  const own = book.find(scopeOf(guildId), name.trim());
  const source = own ?? (guildId === null ? undefined : book.find(DEFAULTS, name.trim())) ?? notFound(name);
  return { ...view(newsroom, source), taken: book.itemCount(source.id), isDefault: !own };
}

/** Stops polling it; the claims it brought stay, so answers keep them. */
export function removeSource(newsroom: Newsroom, guildId: string | null, name: string, now: Date): SourceRecord {
  const source = ownSource(newsroom, guildId, name);
  newsroom.store.sourceBook.remove(source.id, now);
  return source;
}

export function pauseSource(newsroom: Newsroom, guildId: string | null, name: string): SourceRecord {
  const source = ownSource(newsroom, guildId, name);
  if (source.pausedReason === 'moderator') throw new UserError(`${shown(source.name)} is already paused.`);
  newsroom.store.sourceBook.setPaused(source.id, 'moderator');
  return { ...source, paused: true, pausedReason: 'moderator' };
}

/**
 * Polls it again, from the next tick, whether a moderator or the failure policy paused it. The
 * validators are forgotten so that the next read is a full one: the other servers' copies may
 * have taken in items meanwhile, and a 304 would keep them from this one. A failure streak is not
 * reset: the feed is shared, and if it still fails the source is paused again at once.
 */
export function resumeSource(
  newsroom: Newsroom,
  guildId: string | null,
  name: string,
): { source: SourceRecord; was: SourceRecord['pausedReason']; feed: FeedState } {
  const source = ownSource(newsroom, guildId, name);
  if (!source.paused) throw new UserError(`${shown(source.name)} is not paused.`);
  const book = newsroom.store.sourceBook;
  newsroom.store.transaction(() => {
    book.setPaused(source.id, null);
    book.makeDue(source.location, true);
  });
  return {
    source: { ...source, paused: false, pausedReason: null },
    was: source.pausedReason,
    feed: book.feed(source.location),
  };
}
