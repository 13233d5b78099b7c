import { UserError } from '../errors.js';
import { formatDay } from '../format/days.js';
import { escapeMarkdown, quote } from '../format/markdown.js';
import { formatRange } from '../format/numbers.js';
import type { ClaimIndex } from '../index/claim-index.js';
import { isVisible } from '../index/records.js';
import type { Answer } from './answer.js';
import { describeFigure } from './figure-text.js';

/** One claim in full, and every other outlet that reported the same figure. */
export function claimDetail(index: ClaimIndex, id: number, guildId: string | null): Answer {
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
    ],
    footer: `First reported ${formatDay(view.first.article.day)}, last ${formatDay(view.last.article.day)}`,
  };
}
