import { formatDay } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import { plural } from '../format/numbers.js';
import type { ClaimIndex, IndexedClaim } from '../index/claim-index.js';
import { isVisible } from '../index/records.js';
import type { Role, Tally } from '../index/source-tally.js';
import type { Answer, AnswerSection } from './answer.js';
import { describeFigure, nameOf } from './figure-text.js';
import { resolveSource } from './options.js';

const LISTED = 40;

interface Found {
  /** The newest claim of each figure, newest first, as many as will be listed. */
  listed: IndexedClaim[];
  tally: Tally;
}

/** Walks back from the newest claim only until enough figures are listed: the counts are kept. */
function latestFigures(index: ClaimIndex, name: string, role: Role, guildId: string | null): Found {
  const claims = role === 'claimed' ? index.claimsBy(name) : index.relayedBy(name);
  const seen = new Set<string>();
  const listed: IndexedClaim[] = [];
  for (let i = claims.length - 1; i >= 0 && listed.length < LISTED; i--) {
    const claim = claims[i]!;
    if (
      (role === 'relayed' && claim.claimant === name) ||
      claim.wrong ||
      !isVisible(claim.article, guildId) ||
      seen.has(claim.figure.key)
    )
      continue;
    seen.add(claim.figure.key);
    listed.push(claim);
  }
  return { listed, tally: index.tallies.tally(name, role, guildId) };
}

const topicTag = (claim: IndexedClaim) => `[${claim.topic ?? 'no topic'}]`;
const when = (claim: IndexedClaim) =>
  `${claim.article.outletName ? escapeMarkdown(claim.article.outletName) : 'unknown outlet'}, ${formatDay(claim.article.day)} (#${claim.id})`;

function section(heading: string, found: Found, line: (c: IndexedClaim) => string): AnswerSection {
  return {
    heading: `${heading} (${plural(found.tally.claims, 'claim')})`,
    lines: found.listed.map(line),
    omitted: found.tally.figures - found.listed.length,
  };
}

/** Everything one source claimed and everything it relayed, newest first, with its topics. */
export function sourceProfile(index: ClaimIndex, name: string, guildId: string | null): Answer {
  const source = resolveSource(index, name);
  const claimed = latestFigures(index, source.name, 'claimed', guildId);
  const relayed = latestFigures(index, source.name, 'relayed', guildId);
  const title = `${source.name}: claims and relays`;
  if (claimed.tally.claims + relayed.tally.claims === 0) {
    const others = index.names
      .search(name, 4)
      .map((s) => s.name)
      .filter((n) => n !== source.name);
    return {
      title,
      ephemeral: true,
      sections: [],
      summary: `No claims by or relayed through ${escapeMarkdown(source.name)} yet.${others.length ? ` Did you mean ${others.map(escapeMarkdown).join(', ')}?` : ''}`,
    };
  }
  const topics = new Map<string, number>(claimed.tally.topics);
  for (const [topic, n] of relayed.tally.topics) topics.set(topic, (topics.get(topic) ?? 0) + n);
  const sections = [
    section(
      'Claimed',
      claimed,
      (c) =>
        `${topicTag(c)} ${describeFigure(c)} (${c.status}) · ${c.via ? `via ${escapeMarkdown(c.via)} · ` : ''}${when(c)}`,
    ),
    section(
      'Relayed',
      relayed,
      (c) => `${topicTag(c)} ${nameOf(c.claimant)}: ${describeFigure(c)} (${c.status}) · ${when(c)}`,
    ),
  ].filter((s) => s.lines.length > 0);
  return {
    title,
    summary: `${source.guessed ? `Closest match to "${escapeMarkdown(name.trim())}". ` : ''}Topics: ${[...topics]
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} (${n})`)
      .join(', ')}.`,
    sections,
    footer: 'Newest first, one line per figure · /claim <number> shows one in full',
  };
}
