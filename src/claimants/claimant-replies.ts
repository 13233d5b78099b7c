import type { Answer } from '../answers/answer.js';
import { escapeMarkdown } from '../format/markdown.js';
import { plural } from '../format/numbers.js';
import type { ClaimantChange } from '../store/claimant-book.js';
import type { ClaimantLine, ClaimantOutcome } from './claimant-desk.js';

const MAX_LINES = 40;
const shown = (name: string) => `**${escapeMarkdown(name)}**`;

export function claimantChangedAnswer(outcome: ClaimantOutcome): Answer {
  const { name, into, moved, shared } = outcome;
  const title =
    outcome.action === 'split'
      ? `Split ${escapeMarkdown(name)} from ${escapeMarkdown(into)}`
      : `${outcome.action === 'rename' ? 'Renamed' : 'Merged'} ${escapeMarkdown(name)} into ${escapeMarkdown(into)}`;
  const lines =
    outcome.action === 'split'
      ? [`${plural(moved, 'claim')} went back to ${shown(name)}; later articles keep the name.`]
      : [
          `${plural(moved, 'claim')} now filed under ${shown(into)}; later articles that name ${shown(name)} will be too.`,
          ...(shared > 0
            ? [`${plural(shared, 'claim')} other servers' sources also brought keep their name for everyone.`]
            : []),
          `\`/claimants split name:${name}\` undoes it.`,
        ];
  return { title, summary: lines.join('\n'), sections: [] };
}

export function claimantsAnswer(lines: ClaimantLine[], changes: ClaimantChange[]): Answer {
  const last = changes[0];
  return {
    title: 'Claimants',
    summary: `${plural(lines.length, 'claimant')} with figures this server can see, most figures first.`,
    sections: [
      {
        heading: 'Who claims what',
        lines: lines
          .slice(0, MAX_LINES)
          .map((l) => `${shown(l.name)}: ${plural(l.figures, 'figure')} in ${plural(l.claims, 'claim')}`),
      },
    ],
    footer: last
      ? `Last change: ${last.action} ${last.name} → ${last.into} by ${last.by}, ${last.at.slice(0, 16).replace('T', ' ')} UTC${last.undoneAt ? ' (split since)' : ''}`
      : undefined,
  };
}
