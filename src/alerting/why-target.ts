import { claimNumberIn } from '../answers/options.js';
import { UserError } from '../errors.js';
import type { ClaimIndex, IndexedArticle, IndexedClaim } from '../index/claim-index.js';
import { isVisible } from '../index/records.js';
import { canonicalUrl } from '../store/identity.js';
import type { StorePort } from '../store/store-port.js';

/** What /alerts why was asked about: one article's claims, or one claim among them. */
export interface WhyTarget {
  article: IndexedArticle;
  /** All the article's claims this server can see, in the article's order. */
  claims: IndexedClaim[];
  /** Set when a claim was asked about: the answer explains that one. */
  claim?: IndexedClaim;
}

const ARTICLE = /^article\s*[:#]?\s*(\d{1,15})$/i;

/** The article's claims as the index holds them (the index keeps no per-article list; the store does). */
async function claimsOfArticle(index: ClaimIndex, store: StorePort, articleId: number): Promise<IndexedClaim[]> {
  return (await store.sourceBook.claimIdsOf(articleId))
    .map((id) => index.claim(id))
    .filter((c): c is IndexedClaim => c !== undefined);
}

// Not found, not visible and empty read the same: telling them apart would say what another
// server's sources carried. Either way nothing there could alert here, which is what was asked.
const unseen = (what: string, or: string) =>
  new UserError(
    `I have ${what} that this server can see: none of its sources ` +
      `(nor the defaults) carried it${or}, or it does not exist. Either way it could not alert here.`,
  );

async function articleTarget(
  index: ClaimIndex,
  store: StorePort,
  articleId: number | undefined,
  what: string,
  viewer: string | null,
): Promise<WhyTarget> {
  const claims = articleId === undefined ? [] : await claimsOfArticle(index, store, articleId);
  if (claims.length === 0 || !isVisible(claims[0]!.article, viewer))
    throw unseen(`no claims from ${what}`, ', it held no figures');
  return { article: claims[0]!.article, claims };
}

/**
 * "42", "#42", "claim 42" (a claim, as /claim takes it), "article:7", or the article's link.
 * viewer is the visibility scope: a server id, or null for the defaults.
 */
export async function resolveWhyTarget(
  index: ClaimIndex,
  store: StorePort,
  text: string,
  viewer: string | null,
): Promise<WhyTarget> {
  const typed = text.trim();
  const claimId = claimNumberIn(typed);
  if (claimId !== null) {
    const claim = index.claim(claimId);
    if (!claim || !isVisible(claim.article, viewer)) throw unseen(`no claim #${claimId}`, '');
    return { ...(await articleTarget(index, store, claim.articleId, `claim #${claim.id}'s article`, viewer)), claim };
  }
  const articleId = ARTICLE.exec(typed)?.[1];
  if (articleId !== undefined)
    return articleTarget(index, store, Number(articleId), `article ${Number(articleId)}`, viewer);
  const url = canonicalUrl(typed);
  if (url) {
    const known = await store.articles.knownArticle(`url:${url}`);
    return articleTarget(index, store, known?.id, 'that link', viewer);
  }
  throw new UserError("Give a claim number (42 or #42, as /claim takes it), an article's link, or article:ID.");
}
