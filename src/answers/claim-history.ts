// A claim's corrections in words: for /claim's history, the moderator's reply and the line on
// an alert that was corrected.
import { formatMoment } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { ClaimChange } from '../store/corrections.js';

type Change = Pick<ClaimChange, 'field' | 'oldValue' | 'newValue'>;

/** "figure 12,000 → 11,000; claimant NIS → Pentagon" */
export const describeChanges = (changes: readonly Change[]): string =>
  changes
    .map((c) =>
      c.field === 'wrong'
        ? 'marked wrong'
        : `${c.field} ${escapeMarkdown(c.oldValue ?? 'none')} → ${escapeMarkdown(c.newValue ?? 'none')}`,
    )
    .join('; ');

/** "Dec 3, 2026, 17:01 GMT+9 · jane: figure 12,000 → 11,000 (the agency revised it)", for /claim, in the server's zone. */
export const historyLine = (change: ClaimChange, zone: string): string =>
  `${formatMoment(change.changedAt, zone)} · ${escapeMarkdown(change.changedBy)}: ${describeChanges([change])}${change.note ? ` (${escapeMarkdown(change.note)})` : ''}`;
