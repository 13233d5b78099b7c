/**
 * Moderators correct the record: fix a claim's figure, claimant, status or topic, or mark it
 * wrong (hidden from answers and alerts, kept for the record). Every change is stored with who
 * and when, and each alert the claim raised is edited with a visible correction line, posted
 * ones on Discord too (see src/delivery/edits.ts).
 */
import type { Answer } from '../answers/answer.js';
import { describeChanges } from '../answers/claim-history.js';
import { UserError } from '../errors.js';
import { plural } from '../format/numbers.js';
import type { ClaimCorrection, IndexedClaim } from '../index/claim-index.js';
import { isVisible } from '../index/records.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { zoneOf } from '../settings/zone.js';
import type { ClaimChange } from '../store/corrections.js';
import { scopeOf } from '../store/records.js';
import { correctionLine, withCorrection } from './alert-edit.js';
import { correctionOf, type TypedFix } from './fields.js';

/** Who asks, where: the server (null: the console, which speaks for the defaults) and the moderator's name. */
export interface Corrector {
  guildId: string | null;
  by: string;
  note: string | null;
}

/**
 * A claim this moderator may correct: one their server can see that no other server shares.
 * A default source's claims are every server's, so only the operator (the console) fixes them.
 */
function correctable(newsroom: Newsroom, id: number, who: Corrector): IndexedClaim {
  const claim = newsroom.index.claim(id);
  if (!claim || !isVisible(claim.article, who.guildId))
    throw new UserError(`There is no claim #${id}. Claim numbers appear in brackets in answers, like #42.`);
  if (who.guildId === null) return claim;
  const { audience } = claim.article;
  if (audience === 'everyone' || audience.size !== 1)
    throw new UserError(
      `Claim #${id} came from a source other servers share, so a correction here would change their record too. The bot’s operator can correct it from the console.`,
    );
  return claim;
}

async function apply(
  newsroom: Newsroom,
  claim: IndexedClaim,
  fields: ClaimCorrection,
  changes: Array<Pick<ClaimChange, 'field' | 'oldValue' | 'newValue'>>,
  who: Corrector,
  now: Date,
): Promise<number> {
  const { port, index } = newsroom;
  const line = correctionLine(changes, who, now, await zoneOf(newsroom, scopeOf(who.guildId)));
  const edited = await port.transaction(async () => {
    await port.corrections.apply(claim.id, fields, changes, { changedBy: who.by, note: who.note }, now);
    return reviseAlerts(newsroom, claim.id, line, fields.wrong === true, now);
  });
  index.correct(claim.id, fields);
  return edited;
}

/** Each alert message the claim raised takes the correction line; returns how many were posted already. */
async function reviseAlerts(
  newsroom: Newsroom,
  claimId: number,
  line: string,
  retracted: boolean,
  now: Date,
): Promise<number> {
  const { edits } = newsroom.port;
  let posted = 0;
  for (const row of await edits.alertsOf(claimId)) {
    await edits.revise(row, withCorrection(row.payload, line, retracted), now);
    if (row.status === 'sent' && row.messageId !== null && !row.folded) posted++;
  }
  return posted;
}

export async function fixClaim(
  newsroom: Newsroom,
  id: number,
  typed: TypedFix,
  who: Corrector,
  now: Date,
): Promise<Answer> {
  const claim = correctable(newsroom, id, who);
  if (claim.wrong) throw new UserError(`Claim #${id} is marked wrong; there is nothing to correct on it.`);
  const { fields, changes } = correctionOf(newsroom.index, claim, typed, who.guildId);
  const edited = await apply(newsroom, claim, fields, changes, who, now);
  return done(`Claim #${id} corrected`, describeChanges(changes), edited);
}

export async function markWrong(newsroom: Newsroom, id: number, who: Corrector, now: Date): Promise<Answer> {
  const claim = correctable(newsroom, id, who);
  if (claim.wrong) throw new UserError(`Claim #${id} is already marked wrong.`);
  const changes = [{ field: 'wrong' as const, oldValue: null, newValue: 'wrong' }];
  const edited = await apply(newsroom, claim, { wrong: true }, changes, who, now);
  return done(`Claim #${id} marked wrong`, 'Hidden from answers and alerts; kept for the record.', edited);
}

function done(title: string, what: string, edited: number): Answer {
  const alerts =
    edited > 0 ? `${plural(edited, 'posted alert')} will be edited to say so.` : 'No posted alert to edit.';
  return {
    title,
    summary: `${what}\n${alerts}`,
    sections: [],
    footer: '/claim <number> shows the claim with every change made to it.',
    ephemeral: true,
  };
}
