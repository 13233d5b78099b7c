/** What a moderator types when adding a source, checked before anything is fetched or saved. */

import { resolveTopic } from '../answers/options.js';
import { UserError } from '../errors.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { ClaimIndex } from '../index/claim-index.js';

const MAX_NAME = 100;

// Bidirectional overrides and isolates (U+202A-202E, U+2066-2069) make "Reuters" read as another
// name in a list; zero-width and other invisible format characters make two names look alike.
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/u;

/** A source's name: one line, 1–100 characters, spaces collapsed, nothing invisible or reordering. */
export function sourceName(typed: string): string {
  const name = typed.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
  if (!name) throw new UserError('Give the source a name, for example "Yonhap English".');
  if (INVISIBLE.test(name))
    throw new UserError(
      "A source's name cannot hold invisible characters (zero-width spaces, direction overrides such as U+202E): type it plainly.",
    );
  if (name.length > MAX_NAME) throw new UserError(`A source's name can be at most ${MAX_NAME} characters.`);
  return name;
}

/** The feed's address as it will be fetched and shared: http(s) only, without a #fragment. */
export function feedAddress(typed: string): string {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    throw new UserError("That is not a web address: give the feed's full address, starting with https://");
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError('Only http:// and https:// feed addresses can be added.');
  }
  url.hash = ''; // never sent to the server, so two spellings of one feed stay one fetch
  return url.href;
}

/** A name as a reply shows it: quoted text cannot format or ping. */
export const shown = (name: string): string => `**${escapeMarkdown(name)}**`;

/**
 * "troops, Casualties among North Korean troops" to topic keys: each part read as any topic
 * option is (resolveTopic). Null when nothing was typed: the source is about every topic.
 */
export function topicKeys(
  index: ClaimIndex,
  typed: string | null | undefined,
  guildId: string | null,
): string[] | null {
  const parts = (typed ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  return [...new Set(parts.map((part) => resolveTopic(index, part, guildId).key))];
}
