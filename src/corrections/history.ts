import { formatDay } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { ClaimChange } from '../store/corrections.js';
import { describeChanges } from './fields.js';

/** "Dec 3, 2026 08:01 UTC · jane: figure 12,000 → 11,000 (the agency revised it)", for /claim. */
export const historyLine = (change: ClaimChange): string =>
  `${formatDay(change.changedAt.slice(0, 10))} ${change.changedAt.slice(11, 16)} UTC · ${escapeMarkdown(change.changedBy)}: ${describeChanges([change])}${change.note ? ` (${escapeMarkdown(change.note)})` : ''}`;
