import {
  type Claim,
  type CompiledLexicon,
  extractArticle,
  headlineOf,
  parseArticle,
  topicsSeenBy,
} from '../extract/index.js';
import type { ClaimIndex, Figure, IndexedClaim } from '../index/claim-index.js';
import { setAsideFarBelow } from '../index/far-below.js';
import { articleIdentity } from '../store/identity.js';
import { type NewSource, type SourceRecord, viewerOf } from '../store/records.js';
import type { StorePort } from '../store/store-port.js';

export interface Ingestion {
  /** The store, on either backend. */
  port: StorePort;
  index: ClaimIndex;
  lexicon: CompiledLexicon;
}

/** What the fetcher knows about an item beyond its text (a feed's link, outlet, date). */
export interface ArticleHints {
  url?: string | null;
  outlet?: string | null;
  date?: string | null;
}

export interface IngestResult {
  articleId: number;
  /** Claims the extractor found in the text. */
  found: number;
  /** Claims stored by this call: none when the article was already known. */
  added: IndexedClaim[];
  /** Figures no earlier claim had reported: what alerts are about. */
  newFigures: Figure[];
  duplicate: boolean;
}

/**
 * The one path an article takes, for the CLI, console mode and the scheduler alike: extract,
 * store in one transaction, then index. The store is written first, so a crash loses at most
 * the index update, which the next boot rebuilds.
 */
export async function ingestArticle(
  ingestion: Ingestion,
  raw: string,
  source: SourceRecord,
  hints: ArticleHints,
  now: Date,
): Promise<IngestResult> {
  const { port, index, lexicon } = ingestion;
  const article = parseArticle(raw, { outlet: hints.outlet ?? undefined, date: hints.date ?? undefined });
  const url = article.meta.url ?? hints.url ?? null;
  const { identity, hash } = articleIdentity(url, article.body);
  const known = await port.articles.knownArticle(identity);
  if (known) {
    await port.articles.linkSource(known.id, source.id);
    index.linkArticle(known.id, source.id);
    return { articleId: known.id, found: known.claims, added: [], newFigures: [], duplicate: true };
  }
  const extracted = extractArticle(article, lexicon, topicsSeenBy([source.guildId]));
  const named = await Promise.all(extracted.claims.map((claim) => namedAsBefore(port, source.guildId, claim)));
  const claims = setAsideFarBelow(index, named, viewerOf(source.guildId));
  const add = (tx: StorePort) =>
    tx.articles.addArticle(
      {
        identity,
        url,
        // The headline stands in for a missing title: re-filing a topic looks for the story's subjects in it.
        title: article.meta.title ?? headlineOf(article.body),
        outlet: article.meta.outlet,
        date: article.meta.date,
        contentHash: hash,
        ingestedAt: now.toISOString(),
      },
      claims,
      source.id,
    );
  const result = await port.transaction(async (tx) => {
    const stored = await add(tx);
    if (stored.added) await tx.names.learn(source.guildId, extracted.names);
    return stored;
  });
  if (!result.added) {
    index.linkArticle(result.articleId, source.id);
    return { articleId: result.articleId, found: claims.length, added: [], newFigures: [], duplicate: true };
  }
  index.learnNames(extracted.names);
  const added = index.addArticle(result.article, [source.id], result.claims);
  const firstHere = (claim: IndexedClaim) => claim.figure.claims.every((c) => c.articleId === claim.articleId);
  const newFigures = [...new Set(added.filter(firstHere).map((c) => c.figure))];
  return { articleId: result.article.id, found: claims.length, added, newFigures, duplicate: false };
}

/** A source the store and the index both know, created on first use. */
export async function registerSource(ingestion: Ingestion, source: NewSource, now: Date): Promise<SourceRecord> {
  const record = await ingestion.port.articles.ensureSource(source, now);
  ingestion.index.addSource(record);
  return record;
}

/** A claimant or relayer under the name an earlier article taught this scope: "Disaster and ... Authority" is AFAD. */
async function namedAsBefore(port: StorePort, scope: string, claim: Claim): Promise<Claim> {
  const claimant = claim.claimant && (await port.names.nameFor(scope, claim.claimant));
  const via = claim.via && (await port.names.nameFor(scope, claim.via));
  return claimant || via ? { ...claim, claimant: claimant || claim.claimant, via: via || claim.via } : claim;
}
