/**
 * /claimants: moderators merge one name into another ("CGT union" is the CGT), rename one, and
 * split a wrong merge again. A change moves the stored claims this scope owns (from its own
 * sources; the console owns all), teaches later articles the same, and is recorded with who and
 * when, with the claims it moved, so a split restores exactly those.
 */
import { UserError } from '../errors.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { IndexedClaim } from '../index/claim-index.js';
import { isVisible } from '../index/records.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import type { NameField } from '../store/claimant-book.js';
import { DEFAULTS, type GuildScope, scopeOf } from '../store/records.js';
import { moveInIndex } from './claimant-index.js';

export interface ClaimantRequest {
  guildId: string | null;
  by: string;
  name: string;
  into?: string;
}

export interface ClaimantOutcome {
  action: 'alias' | 'rename' | 'split';
  name: string;
  into: string;
  /** Claims filed under the new name (or back under the old one, for a split). */
  moved: number;
  /** Claims other servers' sources also brought, which keep their name. */
  shared: number;
}

const shown = (name: string) => `**${escapeMarkdown(name)}**`;

function cleanName(typed: string | undefined): string {
  const name = (typed ?? '').replace(/\s+/g, ' ').trim();
  if (!name) throw new UserError('Give a claimant’s name, as /claimants list or /source shows it.');
  if (name.length > 100) throw new UserError('A claimant’s name can be at most 100 characters.');
  return name;
}

/** Who may change a claim's name here: the console owns every claim, a server those only its sources brought. */
const owns = (scope: GuildScope, claim: IndexedClaim) =>
  scope === DEFAULTS ||
  (claim.article.audience !== 'everyone' && claim.article.audience.size === 1 && claim.article.audience.has(scope));

/** The claims this server sees that name `name` as claimant or as the outlet relaying. */
function claimsNamed(newsroom: Newsroom, name: string, guildId: string | null) {
  const { index } = newsroom;
  const named: Array<{ claim: IndexedClaim; field: NameField }> = [
    ...index.claimsBy(name).map((claim) => ({ claim, field: 'claimant' as const })),
    ...index.relayedBy(name).flatMap((claim) => (claim.via === name ? [{ claim, field: 'via' as const }] : [])),
  ];
  return named.filter(({ claim }) => isVisible(claim.article, guildId));
}

async function merge(
  newsroom: Newsroom,
  request: ClaimantRequest,
  action: 'alias' | 'rename',
  now: Date,
): Promise<ClaimantOutcome> {
  const scope = scopeOf(request.guildId);
  const name = cleanName(request.name);
  const into = cleanName(request.into);
  const { port, index } = newsroom;
  if (name === into) throw new UserError(`${shown(name)} is already that name.`);
  const named = claimsNamed(newsroom, name, request.guildId);
  if (named.length === 0)
    throw new UserError(`No claim names ${shown(name)}: /claimants list shows who the bot knows.`);
  const target = (await port.names.nameFor(scope, into)) ?? into;
  if (target === name || (await port.names.nameFor(scope, target)) === name)
    throw new UserError(`${shown(into)} is filed under ${shown(name)} already: merging back would make a cycle.`);
  if (action === 'rename' && index.claimsBy(target).length > 0)
    throw new UserError(`${shown(target)} has claims of its own: /claimants alias merges into it.`);
  const mine = named.filter(({ claim }) => owns(scope, claim));
  const moves = mine.map(({ claim, field }) => ({ id: claim.id, field }));
  await port.transaction(async () => {
    await port.claimants.move(scope, { action, name, into: target, by: request.by, at: now.toISOString() }, moves);
    await port.names.set(scope, name, target);
  });
  await moveInIndex(newsroom, moves, { to: target, alias: name });
  return { action, name, into: target, moved: mine.length, shared: named.length - mine.length };
}

export const aliasClaimant = (newsroom: Newsroom, request: ClaimantRequest, now: Date) =>
  merge(newsroom, request, 'alias', now);

export const renameClaimant = (newsroom: Newsroom, request: ClaimantRequest, now: Date) =>
  merge(newsroom, request, 'rename', now);

/** Undoes the latest merge or rename of the name: its claims go back, and later articles keep the name. */
export async function splitClaimant(newsroom: Newsroom, request: ClaimantRequest, now: Date): Promise<ClaimantOutcome> {
  const scope = scopeOf(request.guildId);
  const name = cleanName(request.name);
  const { port } = newsroom;
  const change = await port.claimants.latest(scope, name);
  if (!change) throw new UserError(`${shown(name)} was not merged into another name here: nothing to split.`);
  const moves = await port.transaction(async () => {
    await port.names.forget(scope, name);
    return port.claimants.undo(change, now.toISOString());
  });
  await moveInIndex(newsroom, moves, { to: name, alias: name });
  return { action: 'split', name, into: change.into, moved: moves.length, shared: 0 };
}

export interface ClaimantLine {
  name: string;
  figures: number;
  claims: number;
}

/** Who the bot knows in this server, most figures first. */
export function listClaimants(newsroom: Newsroom, guildId: string | null): ClaimantLine[] {
  const { index } = newsroom;
  return index
    .claimantNames()
    .map((name) => {
      const tally = index.tallies.tally(name, 'claimed', guildId);
      return { name, figures: tally.figures, claims: tally.claims };
    })
    .filter((line) => line.claims > 0)
    .sort((a, b) => b.figures - a.figures || a.name.localeCompare(b.name));
}
