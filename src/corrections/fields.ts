/** A moderator's typed corrections read into claim fields, each with a clear message when it cannot be. */
import { resolveTopic } from '../answers/options.js';
import { UserError } from '../errors.js';
import type { Status } from '../extract/index.js';
import { escapeMarkdown } from '../format/markdown.js';
import { formatRange } from '../format/numbers.js';
import type { ClaimCorrection, ClaimIndex, IndexedClaim } from '../index/claim-index.js';
import type { ClaimChange } from '../store/corrections.js';

/** What the moderator typed; any left out stays as it is. */
export interface TypedFix {
  figure?: string | null;
  claimant?: string | null;
  status?: string | null;
  topic?: string | null;
}

const STATUSES: readonly Status[] = ['reported', 'projected', 'confirmed', 'denied', 'unverified'];
const NONE = /^(?:none|no one|nobody|unattributed|-)$/i;
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const FIGURE = new RegExp(`^${NUMBER}(?:\\s*(?:-|–|to)\\s*${NUMBER})?$`);

const toNumber = (whole: string, fraction: string | undefined) =>
  Number(`${whole.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);

/** "11,000", "10,000-12,000", "10000 to 12000". */
export function parseFigure(text: string): { low: number; high: number } {
  const match = FIGURE.exec(text.trim());
  if (!match)
    throw new UserError(
      `"${escapeMarkdown(text.trim().slice(0, 40))}" is not a figure: write 11,000, or a range like 10,000-12,000.`,
    );
  const low = toNumber(match[1]!, match[2]);
  const high = match[3] ? toNumber(match[3], match[4]) : low;
  if (high < low) throw new UserError(`A range runs low to high: ${formatRange(high, low)}, not the other way round.`);
  return { low, high };
}

function parseStatus(text: string): Status {
  const status = text.trim().toLowerCase() as Status;
  if (!STATUSES.includes(status)) throw new UserError(`Status is one of ${STATUSES.join(', ')}.`);
  return status;
}

/** A known name by any alias; a name nobody listed is taken as typed (a newsroom knows its sources). */
function parseClaimant(index: ClaimIndex, text: string): string | null {
  const trimmed = text.trim();
  if (NONE.test(trimmed)) return null;
  if (trimmed.length > 100) throw new UserError('A claimant’s name is at most 100 characters.');
  return index.names.exact(trimmed)?.name ?? trimmed;
}

type Change = Pick<ClaimChange, 'field' | 'oldValue' | 'newValue'>;

/** The fields that change and the record of each change; nothing typed, or nothing different, is refused. */
export function correctionOf(
  index: ClaimIndex,
  claim: IndexedClaim,
  typed: TypedFix,
  guildId: string | null,
): { fields: ClaimCorrection; changes: Change[] } {
  const fields: ClaimCorrection = {};
  const changes: Change[] = [];
  if (typed.figure) {
    const { low, high } = parseFigure(typed.figure);
    if (low !== claim.low || high !== claim.high) {
      Object.assign(fields, { low, high });
      changes.push({ field: 'figure', oldValue: shownFigure(claim), newValue: formatRange(low, high) });
    }
  }
  if (typed.claimant) {
    const claimant = parseClaimant(index, typed.claimant);
    if (claimant !== claim.claimant) {
      fields.claimant = claimant;
      changes.push({ field: 'claimant', oldValue: claim.claimant, newValue: claimant });
    }
  }
  if (typed.status) {
    const status = parseStatus(typed.status);
    if (status !== claim.status) {
      fields.status = status;
      changes.push({ field: 'status', oldValue: claim.status, newValue: status });
    }
  }
  if (typed.topic) {
    const topic = NONE.test(typed.topic.trim()) ? null : resolveTopic(index, typed.topic, guildId).key;
    if (topic !== claim.topic) {
      fields.topic = topic;
      changes.push({ field: 'topic', oldValue: claim.topic, newValue: topic });
    }
  }
  if (Object.values(typed).every((v) => !v))
    throw new UserError('Say what to correct: figure, claimant, status or topic.');
  if (changes.length === 0) throw new UserError(`Claim #${claim.id} already reads that way: nothing changed.`);
  return { fields, changes };
}

const shownFigure = (claim: IndexedClaim) => (claim.low === null ? null : formatRange(claim.low, claim.high));
