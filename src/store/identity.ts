import { createHash } from 'node:crypto';

const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$/i;

/**
 * The same page reached by different links: scheme and host case, default ports, fragments,
 * tracking parameters and a trailing slash do not make another article.
 */
export function canonicalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}

/** Whitespace and case differences between two copies of one text do not make two articles. */
export function contentHash(body: string): string {
  const folded = body.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(folded).digest('hex');
}

/** Article identity: its canonical URL, else the hash of its text. */
export function articleIdentity(url: string | null, body: string): { identity: string; hash: string } {
  const hash = contentHash(body);
  const canonical = url ? canonicalUrl(url) : null;
  return { identity: canonical ? `url:${canonical}` : `sha256:${hash}`, hash };
}
