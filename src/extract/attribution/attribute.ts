/**
 * Which cue speaks for a figure: the cue in the figure's own clause ("police counted 87,000,
 * while the CGT claimed 500,000"), the innermost of nested ones when the outer speaker only relays
 * ("Lee told reporters the NIS said"), else the sentence's nearest. Outlets relay, they do not
 * claim; a person who speaks for a body files the claim under the body.
 */
import type { Cue } from './cues.js';
import type { Known } from './memory.js';

export interface Attribution {
  claimant: string | null;
  via: string | null;
  /** The person who spoke, when the claim is filed under the body they speak for. */
  speaker: string | null;
}

export const NO_ATTRIBUTION: Attribution = { claimant: null, via: null, speaker: null };

const CLAUSE_BREAK =
  /;|\s[–—]\s|\s-\s|,\s+(?:while|whereas|but|although|though|and|compared\s+with|(?:up|down)\s+from)\b|\s(?:while|whereas|but|although|though|compared\s+with|against)\s/gi;

/** [start, end) of the clause around `at`. */
export function clauseAround(text: string, at: number): [number, number] {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at) {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

/** A speaker who only passes a claim on when a source is named inside what they said. */
const relays = (k: Known | null) => !!k && (k.kind === 'outlet' || k.relay || (k.kind === 'person' && !k.speaksFor));
const isCountry = (k: Known | null) =>
  !!k && k.kind === 'body' && k.entity?.kind === 'government' && !/\b(?:ministry|office|department)\b/i.test(k.name);
const isSource = (k: Known | null) => !k || (k.kind !== 'outlet' && !k.relay);

/** The cue that governs a figure at `at`, or null. */
function governing(cues: readonly Cue[], text: string, at: number): { cue: Cue; outer: Cue | null } | null {
  const speaking = cues.filter((c) => c.form !== 'shared');
  if (speaking.length === 0) return null;
  const [start, end] = clauseAround(text, at);
  const inClause = speaking.filter((c) => c.start < end && c.end > start);
  for (const cuesHere of inClause.length > 0 ? [inClause, speaking] : [speaking]) {
    // Someone named beats "the ministry" with no antecedent, in the same stretch of text.
    const named = cuesHere.filter((c) => c.speaker);
    const pool = named.length > 0 ? named : cuesHere;
    const before = pool.filter((c) => c.start < at).sort((a, b) => b.start - a.start);
    if (before.length > 0) {
      const inner = before[0]!;
      // The speaker around the inner one: "Lee, briefed by the NIS, told reporters the agency...".
      const outers = before.slice(1).filter((c) => c.speaker !== inner.speaker);
      const relaying = outers.find((c) => relays(c.speaker));
      if (relaying && isSource(inner.speaker)) {
        // "Zelenskyy said Ukraine had recorded": a country is its leader's own side, not a source he passes on.
        if (isCountry(inner.speaker) && relaying.speaker?.kind === 'person') return { cue: relaying, outer: null };
        return { cue: inner, outer: relaying };
      }
      const outer = outers[0];
      // "Singh said the U.S. believes": a spokesperson's country is the spokesperson's side.
      if (outer?.speaker && !relays(outer.speaker) && inner.form === 'subject' && isCountry(inner.speaker)) {
        return { cue: outer, outer: null };
      }
      return { cue: inner, outer: null };
    }
    const after = pool.filter((c) => c.start >= at).sort((a, b) => a.start - b.start);
    if (after.length > 0) return { cue: after[0]!, outer: null };
  }
  return null;
}

function filed(speaker: Known | null): { claimant: string | null; speaker: string | null } {
  if (!speaker) return { claimant: null, speaker: null };
  if (speaker.kind === 'person' && speaker.speaksFor) return { claimant: speaker.speaksFor, speaker: speaker.name };
  return { claimant: speaker.name, speaker: null };
}

/**
 * The claimant, relayer and speaker of a figure at `at`. `briefedBy` is the body an article
 * says briefed its lawmakers; `ownOutlet` never relays its own reporting.
 */
export function attribute(
  cues: readonly Cue[],
  text: string,
  at: number,
  briefedBy: Known | null,
  ownOutlet: string | null,
): Attribution {
  const chosen = governing(cues, text, at);
  if (!chosen) return NO_ATTRIBUTION;
  const { cue, outer } = chosen;
  const citation = cues.find((c) => c.form === 'citing' && c !== cue);
  const relayer = (k: Known | null | undefined) => (k && k.name !== ownOutlet ? k.name : null);
  const shared = cues.find((c) => c.form === 'shared');
  // "according to Reuters, citing AFAD": the cited body is the source of the whole sentence, and
  // whoever cites it (the nearest other speaker) relays it.
  const cited = cue.form === 'citing' ? cue : citation;
  if (cited) {
    const citer = cues
      .filter((c) => c !== cited && c.form !== 'shared' && c.speaker !== cited.speaker)
      .sort((a, b) => Math.abs(a.start - cited.start) - Math.abs(b.start - cited.start))[0];
    return { ...filed(cited.speaker), via: relayer(citer?.speaker) ?? relayer(shared?.speaker) };
  }
  const speaker = cue.speaker;
  if (speaker?.kind === 'outlet') {
    // "Data from the interior ministry shared with the FT indicates": the outlet passes the body's figure on.
    const source = cues.find(
      (c) => c !== cue && c.start < at && c.speaker && isSource(c.speaker) && c.form !== 'shared',
    );
    return source
      ? { ...filed(source.speaker), via: relayer(speaker) }
      : { claimant: null, via: relayer(speaker), speaker: null };
  }
  // "..., Yonhap reported": an outlet or lawmaker elsewhere in the sentence relayed it.
  const passer = cues.find(
    (c) => c !== cue && !!c.speaker && c.speaker !== speaker && (c.speaker.kind === 'outlet' || c.speaker.relay),
  );
  const via = relayer(outer?.speaker) ?? relayer(shared?.speaker) ?? relayer(passer?.speaker);
  if (speaker?.relay) {
    const source = cue.briefedBy ?? briefedBy;
    if (source) return { ...filed(source), via: speaker.name };
  }
  return { ...filed(speaker), via };
}
