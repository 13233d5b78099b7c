/** An alert message as corrected: the stored payload with a visible correction section on top. */

import { decodePayload, encodePayload } from '../alerting/message-payload.js';
import type { Answer } from '../answers/answer.js';
import { describeChanges } from '../answers/claim-history.js';
import { dayIn, formatDay } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { ClaimChange } from '../store/corrections.js';

const HEADING = 'Correction';
const RETRACTED = 'Retracted: ';

/** "**Corrected** Dec 3, 2026 by jane: figure 12,000 → 11,000 (the agency revised it)". */
export function correctionLine(
  changes: ReadonlyArray<Pick<ClaimChange, 'field' | 'oldValue' | 'newValue'>>,
  who: { by: string; note: string | null },
  now: Date,
  /** The correcting server's zone: the day it is there. */
  zone = 'UTC',
): string {
  const wrong = changes.some((c) => c.field === 'wrong');
  const what = wrong ? 'this figure was marked wrong and withdrawn' : describeChanges(changes);
  const note = who.note ? ` (${escapeMarkdown(who.note)})` : '';
  const when = formatDay(dayIn(now, zone));
  return `**${wrong ? 'Retracted' : 'Corrected'}** ${when} by ${escapeMarkdown(who.by)}: ${what}${note}`;
}

/** The payload with the line added to its correction section (first, so it is read first). */
export function withCorrection(payload: string, line: string, retracted: boolean): string {
  const message = decodePayload(payload);
  const answer: Answer = { ...message.answer };
  const existing = answer.sections.find((s) => s.heading === HEADING);
  const others = answer.sections.filter((s) => s.heading !== HEADING);
  answer.sections = [{ heading: HEADING, lines: [...(existing?.lines ?? []), line] }, ...others];
  if (retracted && !answer.title.startsWith(RETRACTED)) answer.title = `${RETRACTED}${answer.title}`;
  // The headline shows the figure as first reported: struck through, so the correction is read instead.
  if (answer.summary) {
    const [headline = '', ...rest] = answer.summary.split('\n');
    const struck = headline.startsWith('~~') || headline === '' ? headline : `~~${headline}~~`;
    answer.summary = [struck, ...rest].join('\n');
  }
  const prefix = retracted ? '~~' : '';
  const lineText = retracted && !message.line.startsWith('~~') ? `${prefix}${message.line}${prefix}` : message.line;
  return encodePayload({ answer, line: `${lineText} · ${line}` });
}
