/**
 * "Also reported by": when other outlets carry a figure that already alerted a server, within a
 * few days of the alert, its message is edited to name them instead of staying stale. The list
 * is worked out afresh from the index each time, so a repeat is named once however often it
 * arrives, and nothing is edited when the list is unchanged.
 */
import type { Answer } from '../answers/answer.js';
import { formatDay } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { IndexedClaim } from '../index/claim-index.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { type GuildScope, viewerOf } from '../store/records.js';
import { decodePayload, encodePayload } from './message-payload.js';

/** Repeats this many days after the alerted report still join it; later ones are another story. */
export const ALSO_REPORTED_DAYS = 3;
const HEADING = 'Also reported by';
const DAY_MS = 86_400_000;

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** "AP (Oct 24, 2024), Reuters (Oct 25, 2024)": outlets other than the alert's, first report each, in the window. */
function otherOutlets(alerted: IndexedClaim, viewer: string | null): string[] {
  const view = alerted.figure.view(viewer);
  if (!view) return [];
  const first = new Map<string, string>();
  for (const claim of view.claims) {
    const days = daysBetween(alerted.article.day, claim.article.day);
    // Claims are in day order: past the window, none later can join.
    if (days > ALSO_REPORTED_DAYS) break;
    const outlet = claim.article.outletName;
    if (!outlet || outlet === alerted.article.outletName || first.has(outlet) || days < 0) continue;
    first.set(outlet, claim.article.day);
  }
  return [...first].map(([outlet, day]) => `${escapeMarkdown(outlet)} (${formatDay(day)})`);
}

/** The payload with its "Also reported by" line replaced, or null when it already says so. */
function withOutlets(payload: string, outlets: readonly string[]): string | null {
  const message = decodePayload(payload);
  const line = outlets.join(', ');
  const existing = message.answer.sections.find((s) => s.heading === HEADING);
  if (existing?.lines[0] === line) return null;
  const sections = message.answer.sections.filter((s) => s.heading !== HEADING);
  // After any correction and the figure's own sections, before the quote.
  const quote = sections.findIndex((s) => s.heading === 'Quote');
  sections.splice(quote < 0 ? sections.length : quote, 0, { heading: HEADING, lines: [line] });
  const answer: Answer = { ...message.answer, sections };
  return encodePayload({ answer, line: message.line });
}

/**
 * For the article's claims that repeat a figure this server was alerted to: names the new
 * outlets on that alert's messages. Runs in the transaction that decided the article's alerts.
 */
export async function noteRepeats(
  newsroom: Newsroom,
  guildId: GuildScope,
  claims: readonly IndexedClaim[],
  now: Date,
): Promise<void> {
  const { index, port } = newsroom;
  const viewer = viewerOf(guildId);
  const figures = new Set(claims.filter((c) => c.figure.standing === 'current' && c.low !== null).map((c) => c.figure));
  for (const figure of figures) {
    const claimId = await port.edits.alertingClaim(guildId, figure.key);
    const alerted = claimId === undefined ? undefined : index.claim(claimId);
    if (!alerted) continue;
    const outlets = otherOutlets(alerted, viewer);
    if (outlets.length === 0) continue;
    for (const row of (await port.edits.alertsOf(alerted.id)).filter((r) => r.guildId === guildId)) {
      const revised = withOutlets(row.payload, outlets);
      if (revised) await port.edits.revise(row, revised, now);
    }
  }
}
