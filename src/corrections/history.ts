import { formatMoment } from '../alerting/desk-format.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { ClaimChange } from '../store/corrections.js';
import { describeChanges } from './fields.js';

/** "Dec 3, 2026, 17:01 GMT+9 · jane: figure 12,000 → 11,000 (the agency revised it)", for /claim, in the server's zone. */
export const historyLine = (change: ClaimChange, zone: string): string =>
  `${formatMoment(change.changedAt, zone)} · ${escapeMarkdown(change.changedBy)}: ${describeChanges([change])}${change.note ? ` (${escapeMarkdown(change.note)})` : ''}`;
