/**
 * Re-filing stored claims after a topic is added, edited or removed: each claim goes where a
 * fresh extraction would put it now, by what it counts and what its article is about. Only
 * topics change; no alert is decided here, so old figures never ping a channel.
 */
import type { CompiledLexicon } from '../extract/index.js';
import { articleContext, candidateTopics, chooseTopic, topicsSeenBy } from '../extract/topic-filing.js';
import type { FilingRow } from '../store/claim-topics.js';

export interface Move {
  id: number;
  from: string | null;
  topic: string | null;
}

/** The claims whose topic changes under the lexicon's topics, an article at a time. */
export function refile(rows: Iterable<FilingRow>, lexicon: CompiledLexicon): Move[] {
  const moves: Move[] = [];
  let article: FilingRow[] = [];
  const flush = () => {
    moves.push(...articleMoves(article, lexicon));
    article = [];
  };
  for (const row of rows) {
    if (article.length > 0 && article[0]!.articleId !== row.articleId) flush();
    article.push(row);
  }
  flush();
  return moves;
}

function articleMoves(claims: readonly FilingRow[], lexicon: CompiledLexicon): Move[] {
  if (claims.length === 0) return [];
  const context = articleContext(
    claims[0]!.title,
    claims.map((c) => c.sentence),
  );
  const seen = topicsSeenBy((claims[0]!.scopes ?? '').split(','));
  const topics = lexicon.filing.filter((t) => seen(t.def));
  const moves: Move[] = [];
  for (const claim of claims) {
    const at = claim.figureText ? claim.sentence.indexOf(claim.figureText) : -1;
    const candidates = candidateTopics(claim.unit, claim.sentence, at >= 0 ? at : null, topics);
    const topic = chooseTopic(candidates, claim.sentence, context, topics);
    // A denial keeps a topic: with none it would be no claim, and a stored claim is not dropped here.
    if (topic === claim.topic || (claim.low === null && topic === null)) continue;
    moves.push({ id: claim.id, from: claim.topic, topic });
  }
  return moves;
}
