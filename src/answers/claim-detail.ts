import { UserError } from '../errors.js';
import { formatDay } from '../format/days.js';
import { escapeMarkdown, quote } from '../format/markdown.js';
import { formatRange } from '../format/numbers.js';
import type { ClaimIndex, IndexedClaim } from '../index/claim-index.js';
import { isVisible } from '../index/records.js';
import type { ClaimChange } from '../store/corrections.js';
import type { Answer } from './answer.js';
import { historyLine } from './claim-history.js';
import { describeFigure } from './figure-text.js';

/** Who changed what and when, oldest first. */
const historySection = (changes: ClaimChange[], zone: string) =>
  changes.length === 0
    ? []
    : [{ heading: `Corrections (${changes.length})`, lines: changes.map((c) => historyLine(c, zone)) }];

const ROLES = {
  past: 'an earlier figure ("up from …"): history, never the latest',
  increment: 'an increment: what was added, not a total',
};

/** What the figure is to the story, when it is not simply the claimant's figure now. */
function standingLines(claim: IndexedClaim): string[] {
  return [
    claim.wrong ? '**Marked wrong:** hidden from answers and alerts, kept for the record' : null,
    claim.role !== 'current' ? `**Role:** ${ROLES[claim.role]}` : null,
    claim.aside ? `**Set aside:** ${escapeMarkdown(claim.aside)}; not headlined` : null,
  ].filter((line): line is string => line !== null);
}

/**
 * One claim in full, every other outlet that reported the same figure, and each correction a
 * moderator made to it (historyOf reads them from the store).
 */
export function claimDetail(
  index: ClaimIndex,
  id: number,
  guildId: string | null,
  historyOf: (id: number) => ClaimChange[] = () => [],
  /** The server's zone, for when each correction was made. */
  zone = 'UTC',
): Answer {
  const claim = index.claim(id);
  // A claim from another server's source is as absent here as one that never existed.
  if (!claim || !isVisible(claim.article, guildId)) {
    throw new UserError(
      `There is no claim #${id}. Claim numbers appear in brackets in /troops, /source and /search answers.`,
    );
  }
  const view = claim.figure.view(guildId)!;
  const others = view.claims.filter((c) => c.id !== claim.id);
  const { article } = claim;
  const facts = [
    `**Figure:** ${claim.low === null ? 'none (a statement)' : formatRange(claim.low, claim.high)}${claim.figureText ? ` (as written: "${escapeMarkdown(claim.figureText)}")` : ''}`,
    `**Hedge:** ${claim.hedge ?? 'none'} · **Counts:** ${escapeMarkdown(claim.unit ?? claim.measure)} · **Topic:** ${claim.topic ?? 'none'}`,
    `**Status:** ${claim.status}`,
    ...standingLines(claim),
    `**Claimant:** ${claim.claimant ? escapeMarkdown(claim.claimant) : 'unattributed'}${claim.speaker ? ` (${escapeMarkdown(claim.speaker)} speaking)` : ''} · **Via:** ${claim.via ? escapeMarkdown(claim.via) : 'none'}`,
    `**Outlet:** ${article.outletName ? escapeMarkdown(article.outletName) : 'unknown'} · **Date:** ${article.date ? formatDay(article.date) : `undated (ingested ${formatDay(article.day)})`}`,
    article.url
      ? `**Link:** ${article.url}`
      : `**Article:** ${article.title ? escapeMarkdown(article.title) : 'untitled, no link'}`,
  ];
  return {
    title: `Claim #${claim.id}: ${describeFigure(claim)}`,
    summary: `> ${quote(claim.sentence, 1000)}`,
    url: article.url ?? undefined,
    sections: [
      { heading: 'The claim', lines: facts },
      {
        heading: `Same figure elsewhere (${others.length})`,
        lines:
          others.length === 0
            ? ['No other report of this figure yet.']
            : others
                .slice(-20)
                .reverse()
                .map(
                  (c) =>
                    `${c.article.outletName ? escapeMarkdown(c.article.outletName) : 'unknown outlet'}, ${formatDay(c.article.day)} (#${c.id})`,
                ),
        omitted: Math.max(0, others.length - 20),
      },
      ...historySection(historyOf(claim.id), zone),
    ],
    footer: `First reported ${formatDay(view.first.article.day)}, last ${formatDay(view.last.article.day)}`,
  };
}
