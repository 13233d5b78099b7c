/**
 * What a poll brings back, as items with a stable key. A source remembers the keys it has taken
 * in (source_items) for good, never expiring them by age: a feed that re-lists an old item, or
 * reorders, must not make it news again.
 */
import { basename, relative } from 'node:path';
import { UserError } from '../errors.js';
import { readArticleFile } from '../sources/article-file.js';
import type { FeedItem, ParsedFeed } from '../sources/feed-parse.js';
import { articleFiles } from '../sources/folder.js';
import { canonicalUrl, contentHash } from '../store/identity.js';

/** A feed item's identity: its GUID, else its canonical link, else a hash of what it says. */
export function itemKey(item: FeedItem): string {
  if (item.guid) return `guid:${item.guid}`;
  const link = item.link ? canonicalUrl(item.link) : null;
  if (link) return `link:${link}`;
  return `hash:${contentHash([item.title, item.summary, item.content].filter(Boolean).join('\n'))}`;
}

export interface FeedEntry {
  key: string;
  item: FeedItem;
}

/**
 * The feed's items, oldest first, one per key. Feeds list the newest first, so taking them in
 * reversed makes alerts and "what changed" run in the order the outlet published.
 */
export function feedEntries(feed: ParsedFeed): FeedEntry[] {
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  for (const item of [...feed.items].reverse()) {
    const key = itemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ key, item });
  }
  return entries;
}

/**
 * What was wrong with the feed but read past: a malformed tail cut off, items dropped because
 * they share a key (a GUID) with an earlier one, a charset guessed. Moderator-safe; none when whole.
 */
export function feedDamage(feed: ParsedFeed, guessedCharset?: string): string[] {
  const problems = [...(feed.problems ?? [])];
  if (guessedCharset)
    problems.push(`its charset was not declared (or not the one declared): read as ${guessedCharset} by a guess`);
  const dropped = feed.items.length - new Set(feed.items.map(itemKey)).size;
  if (dropped > 0)
    problems.push(
      `${dropped} item${dropped === 1 ? '' : 's'} shared a GUID or link with another and ${dropped === 1 ? 'was' : 'were'} dropped as duplicates`,
    );
  return problems;
}

export interface FolderEntry {
  key: string;
  file: string;
  raw: string;
}

export interface FolderScan {
  entries: FolderEntry[];
  /** Files that could not be read as articles (binary, too large), with why. */
  skipped: string[];
}

/**
 * A folder's article files. The key is the file's path within the folder and a hash of its text,
 * so an edited file is taken in again (its identity decides whether it is a new article).
 * An unreadable folder throws a UserError: that is the poll failing, not a skipped file.
 */
export function scanFolder(location: string): FolderScan {
  const entries: FolderEntry[] = [];
  const skipped: string[] = [];
  for (const file of articleFiles(location)) {
    try {
      const raw = readArticleFile(file);
      const name = relative(location, file) || basename(file);
      entries.push({ key: `file:${name}:${contentHash(raw)}`, file, raw });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      skipped.push(error.message);
    }
  }
  return { entries, skipped };
}
