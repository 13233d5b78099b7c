import type { Answer, AnswerSection } from '../answer.js';
import { escapeMarkdown } from '../answer.js';
import type { ClaimIndex, IndexedClaim } from '../claim-index.js';
import { isVisible } from '../index/records.js';
import { describeFigure, formatDay, nameOf, plural } from './format.js';
import { resolveSource } from './options.js';

const LISTED = 40;

/** The newest claim of each figure, newest first, as many as will be listed. */
interface Found {
  listed: IndexedClaim[];
  /** Distinct figures, listed or not. */
  figures: number;
  total: number;
  topics: Map<string, number>;
}

function latestFigures(claims: readonly IndexedClaim[], guildId: string | null): Found {
  const seen = new Set<string>();
  const listed: IndexedClaim[] = [];
  const topics = new Map<string, number>();
  let total = 0;
  for (let i = claims.length - 1; i >= 0; i--) {
    const claim = claims[i]!;
    if (!isVisible(claim.article, guildId)) continue;
    total++;
    topics.set(claim.topic ?? 'no topic', (topics.get(claim.topic ?? 'no topic') ?? 0) + 1);
    if (seen.has(claim.figure.key)) continue;
    seen.add(claim.figure.key);
    if (listed.length < LISTED) listed.push(claim);
  }
  return { listed, figures: seen.size, total, topics };
}

const topicTag = (claim: IndexedClaim) => `[${claim.topic ?? 'no topic'}]`;
const when = (claim: IndexedClaim) =>
  `${claim.article.outletName ? escapeMarkdown(claim.article.outletName) : 'unknown outlet'}, ${formatDay(claim.article.day)} (#${claim.id})`;

function section(heading: string, found: Found, line: (c: IndexedClaim) => string): AnswerSection {
  return { heading: `${heading} (${plural(found.total, 'claim')})`, lines: found.listed.map(line), omitted: found.figures - found.listed.length };
}

/** Everything one source claimed and everything it relayed, newest first, with its topics. */
export function sourceProfile(index: ClaimIndex, name: string, guildId: string | null): Answer {
  const source = resolveSource(index, name);
  const claimed = latestFigures(index.claimsBy(source.name), guildId);
  const relayed = latestFigures(index.relayedBy(source.name).filter((c) => c.claimant !== source.name), guildId);
  const title = `${source.name}: claims and relays`;
  if (claimed.total + relayed.total === 0) {
    const others = index.names.search(name, 4).map((s) => s.name).filter((n) => n !== source.name);
    return {
      title, ephemeral: true, sections: [],
      summary: `No claims by or relayed through ${escapeMarkdown(source.name)} yet.${others.length ? ` Did you mean ${others.map(escapeMarkdown).join(', ')}?` : ''}`,
    };
  }
  const topics = new Map<string, number>(claimed.topics);
  for (const [topic, n] of relayed.topics) topics.set(topic, (topics.get(topic) ?? 0) + n);
  const sections = [
    section('Claimed', claimed, (c) => `${topicTag(c)} ${describeFigure(c)} (${c.status}) · ${c.via ? `via ${escapeMarkdown(c.via)} · ` : ''}${when(c)}`),
    section('Relayed', relayed, (c) => `${topicTag(c)} ${nameOf(c.claimant)}: ${describeFigure(c)} (${c.status}) · ${when(c)}`),
  ].filter((s) => s.lines.length > 0);
  return {
    title,
    summary: `${source.guessed ? `Closest match to "${escapeMarkdown(name.trim())}". ` : ''}Topics: ${[...topics].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} (${n})`).join(', ')}.`,
    sections,
    footer: 'Newest first, one line per figure · /claim <number> shows one in full',
  };
}
