/**
 * A claimant change the store has made, made in the live index too: only the claims it moved
 * are re-filed, through the path a correction takes, and the names it touched find what they
 * would after a restart. Rebuilding the whole index instead held the bot for seconds at 1M claims.
 */
import type { ClaimCorrection } from '../index/claim-index.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import type { ClaimantMove } from '../store/claimant-book.js';
import { nameKey } from '../store/name-book.js';

/**
 * The moved claims' fields now hold `to`; `alias` is the name whose stored alias the change set
 * (a merge) or removed (a split).
 */
export async function moveInIndex(
  newsroom: Newsroom,
  moves: readonly ClaimantMove[],
  names: { to: string; alias: string },
): Promise<void> {
  const { index, port } = newsroom;
  // A claim that named the source as claimant and as via moved twice: one correction takes both.
  const fields = new Map<number, ClaimCorrection>();
  // A split puts back what a later change also moved: names other than the split one may lose claims.
  const left = new Set<string>();
  for (const { id, field } of moves) {
    fields.set(id, { ...fields.get(id), [field]: names.to });
    const was = index.claim(id)?.[field];
    if (was) left.add(was);
  }
  index.correctAll([...fields].map(([id, f]) => ({ id, fields: f })));
  const alias = nameKey(names.alias);
  // Boot learns every scope's aliases in the store's order, the first spelling winning.
  let stored: string | undefined;
  for (const row of await port.names.all())
    if (row.alias === alias) {
      stored = row.name;
      break;
    }
  index.names.refileAlias(alias, stored);
  for (const name of [...left, names.to]) index.settleName(name);
}
