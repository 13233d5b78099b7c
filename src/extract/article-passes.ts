/**
 * The passes over a whole article, once every sentence is read: its own country, each claim's
 * topic, and the figures that count another country's force.
 */
import { countriesIn } from './attribution/countries.js';
import type { CompiledLexicon } from './lexicon.js';
import type { Figure } from './numbers.js';
import { otherForce } from './roles.js';
import { fileStatementsByFigures, keepsWithoutTopic } from './statements.js';
import { articleContext, chooseTopic } from './topic-filing.js';
import type { Claim, TopicDef } from './types.js';

/**
 * The article's own country: "the interior minister" with no country of its own is its. The
 * dateline and lede name it, so a mention there weighs more than a passing one later.
 */
export function mainCountry(body: string) {
  const counts = new Map<string, { n: number; country: ReturnType<typeof countriesIn>[number]['country'] }>();
  for (const { at, country } of countriesIn(body)) {
    const entry = counts.get(country.name) ?? { n: 0, country };
    entry.n += at < 300 ? 3 : 1;
    counts.set(country.name, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.country ?? null;
}

/** Each claim's topic, chosen once the article's subjects are known; a confirmation no topic takes is no claim. */
export function fileTopics(
  claims: Claim[],
  title: string | null,
  { candidates, referred }: { candidates: Map<Claim, string[]>; referred: Map<Claim, readonly Claim[]> },
  lexicon: CompiledLexicon,
  mayFile: (topic: TopicDef) => boolean,
): Claim[] {
  const context = articleContext(
    title,
    claims.map((c) => c.sentence),
  );
  const topics = lexicon.filing.filter((t) => mayFile(t.def));
  for (const claim of claims) claim.topic = chooseTopic(candidates.get(claim) ?? [], claim.sentence, context, topics);
  fileStatementsByFigures(claims, referred);
  return claims.filter(keepsWithoutTopic);
}

/** Another country's force ("a force of 50,000, mostly Russian") is told from the story's own by its topic. */
export function setAsideOtherForces(claims: Claim[], figures: Map<Claim, Figure>, lexicon: CompiledLexicon): void {
  for (const claim of claims) {
    const figure = figures.get(claim);
    if (!figure || claim.aside || !claim.topic) continue;
    claim.aside = otherForce(claim.sentence, figure, lexicon.topics.find((t) => t.key === claim.topic)?.label ?? null);
  }
}
