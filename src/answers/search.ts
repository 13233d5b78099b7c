import { UserError } from '../errors.js';
import { escapeMarkdown, quote } from '../format/markdown.js';
import type { ClaimIndex } from '../index/claim-index.js';
import type { Answer } from './answer.js';
import { describeFigure, nameOf, provenance } from './figure-text.js';

const HITS = 10;

/** Claims whose sentences share the query's words (typos forgiven), best first. */
export function searchClaims(index: ClaimIndex, query: string, guildId: string | null): Answer {
  const text = query.trim();
  if (text.length === 0)
    throw new UserError('Give /search some words: a name, a number, a place ("artillery shells", "Kursk").');
  if (text.length > 200) throw new UserError('That search is too long: 200 characters at most.');
  const hits = index.search(text, HITS, guildId);
  if (hits.length === 0) {
    const names = index.names.search(text, 3).map((s) => s.name);
    return {
      title: `Search: ${escapeMarkdown(text)}`,
      ephemeral: true,
      sections: [],
      summary: `No claims match "${escapeMarkdown(text)}".${names.length ? ` Sources with a similar name: ${names.map(escapeMarkdown).join(', ')} (try /source).` : ''}`,
    };
  }
  return {
    title: `Search: ${escapeMarkdown(text)}`,
    sections: [
      {
        heading: `Best ${hits.length} match${hits.length === 1 ? '' : 'es'}`,
        lines: hits.map(
          ({ claim }) =>
            `${nameOf(claim.claimant)} · ${describeFigure(claim)} (${claim.status}) · ${provenance(claim)}\n> ${quote(claim.sentence, 180)}`,
        ),
      },
    ],
    footer: '/claim <number> shows one in full',
  };
}
