/**
 * What a channel reads when a new figure lands, a moderator notice, and the digest that folds
 * many alerts into one message. Pure: Answers in, rendered later by src/render.ts, which keeps
 * every message within Discord's limits and pings nobody (allowed_mentions is always empty).
 */

import type { Answer, AnswerSection } from '../answers/answer.js';
import { describeFigure, nameOf } from '../answers/figure-text.js';
import { formatDay } from '../format/days.js';
import { escapeMarkdown, quote } from '../format/markdown.js';
import { formatNumber, formatRange, plural } from '../format/numbers.js';
import type { Alert } from './alert-rule.js';
import type { MessagePayload } from './message-payload.js';

/** A digest line stays short enough that several fit in one embed field. */
const LINE_MAX = 400;

export function alertMessage(alert: Alert, topicLabel: string): MessagePayload {
  const statement = alert.kind === 'statement';
  const answer: Answer = {
    title: `${titleOf(alert)} · ${topicLabel}`,
    summary: [headline(alert), sourceLine(alert)].join('\n'),
    sections: [
      ...(statement ? [] : [{ heading: 'What changed', lines: [changeOf(alert)] }]),
      ...(alert.range ? [{ heading: 'Range now', lines: [rangeOf(alert)] }] : []),
      { heading: 'Quote', lines: [`> ${quote(alert.sentence, 600)}`] },
    ],
    footer: `Claim #${alert.claimId} · /claim ${alert.claimId} shows it in full`,
    ...(linkOf(alert.url) ? { url: linkOf(alert.url) } : {}),
  };
  return { answer, line: lineOf(alert, topicLabel) };
}

function titleOf(alert: Alert): string {
  if (alert.status === 'denied') return 'New denial';
  if (alert.kind === 'statement' && alert.status === 'confirmed') return 'New confirmation';
  if (alert.kind === 'statement') return 'New statement';
  return 'New figure';
}

/** "**NIS**: approximately 12,000 troops · projected"; statements read as what was said. */
function headline(alert: Alert): string {
  const who = nameOf(alert.claimant);
  const figure = alert.low === null ? null : describeFigure(alert);
  if (alert.status === 'denied') return figure ? `${who} denies it: ${figure}` : `${who} denies it`;
  if (alert.status === 'unverified')
    return figure ? `${who}: no evidence yet for ${figure}` : `${who}: no evidence yet`;
  if (alert.kind === 'statement') return `${who} confirms it`;
  return `${who}: ${figure ?? 'no figure'} · ${alert.status}`;
}

/** "via Yonhap · [Kyiv Independent, Oct 18, 2024](link)": who relayed it and where it ran. */
function sourceLine(alert: Alert, withLink = true): string {
  const outlet = alert.outlet ? escapeMarkdown(alert.outlet) : 'unknown outlet';
  const where = `${outlet}, ${alert.date ? formatDay(alert.date) : 'undated'}`;
  const link = withLink ? linkOf(alert.url) : undefined;
  const via = alert.via && alert.via !== alert.outlet ? `via ${escapeMarkdown(alert.via)} · ` : '';
  return `${via}${link ? `[${where}](${link})` : where}`;
}

/**
 * An http(s) address fit for a markdown link: parentheses and spaces percent-encoded so the
 * link cannot end early; anything else (or nothing) gives no link rather than a broken message.
 */
function linkOf(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    const href = parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
    return href.length <= 2000 ? href : undefined;
  } catch {
    return undefined;
  }
}

/** "up 9,000 from 3,000 on Oct 31, 2024", or "was …" when ranges cannot be subtracted. */
function changeOf(alert: Alert): string {
  const { previous, delta } = alert;
  if (alert.total !== undefined) return incrementOf(alert);
  if (!previous) return `First figure from ${alert.claimant ? escapeMarkdown(alert.claimant) : 'this source'}`;
  const group = (status: string) => (status === 'confirmed' ? 'reported' : status);
  const other = group(previous.status) !== group(alert.status) ? ` (${previous.status})` : '';
  const was = `${formatRange(previous.low, previous.high)}${other} on ${formatDay(previous.date)}`;
  if (delta === null) return `was ${was}`;
  if (delta === 0) return `same as ${was}`;
  return `${delta > 0 ? 'up' : 'down'} ${formatNumber(Math.abs(delta))} from ${was}`;
}

/** "An addition, not a new total; NIS's total on record: 11,000 on Feb 10, 2030". */
function incrementOf(alert: Alert): string {
  const who = alert.claimant ? escapeMarkdown(alert.claimant) : 'this source';
  const { total } = alert;
  const onRecord = total
    ? `; ${who}’s total on record: ${formatRange(total.low, total.high)} on ${formatDay(total.date)}`
    : '';
  return `An addition, not a new total${onRecord}`;
}

/** "1,500–12,000 troops across 3 claimants (latest figures; newest Oct 18, 2024)". */
function rangeOf(alert: Alert): string {
  const range = alert.range!;
  const span = `**${formatRange(range.low, range.high)} ${alert.measure}**`;
  return `${span} across ${plural(range.claimants, 'claimant')} (latest figures; newest ${formatDay(range.newestDay)})`;
}

function lineOf(alert: Alert, topicLabel: string): string {
  const change = alert.kind === 'statement' ? [] : [changeOf(alert)];
  const parts = [`*${escapeMarkdown(topicLabel)}*`, headline(alert), ...change];
  const line = [...parts, sourceLine(alert)].join(' · ');
  // A very long address is the one part worth dropping: the full message still links it.
  return line.length <= LINE_MAX ? line : [...parts, sourceLine(alert, false)].join(' · ');
}

/** Room for the digest's fields: Discord allows 6,000 characters an embed, title and footer included. */
const FIELD_VALUE = 1000;
const DIGEST_BUDGET = 5000;
const MAX_FIELDS = 25;
/** A field name ("Alerts 10–14"), counted generously. */
const HEADING = 20;

/**
 * One message for many folded alerts: "N more alerts", one line each, packed into fields.
 * Lines that do not fit are counted in "… and N more", never silently lost from the count.
 */
export function foldedDigest(payloads: readonly MessagePayload[], footer?: string): MessagePayload {
  const n = payloads.length;
  const title = `${formatNumber(n)} more alert${n === 1 ? '' : 's'}`;
  const sections = packSections(payloads.map((p) => p.line));
  const answer: Answer = {
    title,
    sections,
    footer: footer ?? 'Folded into one message: this channel reached its alert limit.',
  };
  return { answer, line: `**${title}**` };
}

/** Greedy: whole lines into fields of at most FIELD_VALUE, until the message budget runs out. */
function packSections(lines: readonly string[]): AnswerSection[] {
  const sections: AnswerSection[] = [];
  let used = 0;
  let next = 0;
  while (next < lines.length && sections.length < MAX_FIELDS) {
    const chunk: string[] = [];
    let size = HEADING;
    for (; next < lines.length; next++) {
      // Render cuts a single over-long line to the field; it costs at most a field.
      const cost = Math.min(lines[next]!.length, FIELD_VALUE) + 1;
      if ((chunk.length > 0 && size + cost > FIELD_VALUE + HEADING) || used + size + cost > DIGEST_BUDGET) break;
      chunk.push(lines[next]!);
      size += cost;
    }
    if (chunk.length === 0) break;
    const first = next - chunk.length + 1;
    sections.push({ heading: chunk.length === 1 ? `Alert ${first}` : `Alerts ${first}–${next}`, lines: chunk });
    used += size;
  }
  // What did not fit is counted on the last field, which render.ts shows as "… and N more".
  const left = lines.length - next;
  if (left > 0) {
    const last = sections[sections.length - 1];
    if (last) last.omitted = left;
    else sections.push({ heading: 'Alerts', lines: [], omitted: left });
  }
  return sections;
}
