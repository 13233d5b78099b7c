// A real HTTP server on loopback serving feeds and article pages that tests change between polls,
// feed text builders, and a recording stand-in for the alerting side's PollHooks.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PollHooks } from '../../src/polling/poll.js';
import { createFetcher, type Fetcher, type FetcherOptions } from '../../src/sources/fetch.js';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FeedServer {
  /** http://127.0.0.1:port */
  base: string;
  port: number;
  url(path: string): string;
  /** What a path serves from now on; unknown paths are 404. */
  route(path: string, handler: Handler): void;
  /** Requests a path has had. */
  hits(path: string): number;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function startFeedServer(host = '127.0.0.1'): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    const handler = routes.get(request.url ?? '');
    if (handler) handler(request, response);
    else response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://${host}:${port}`;
  return {
    base,
    port,
    requests,
    url: (path) => `${base}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    hits: (path) => requests.filter((r) => r.url === path).length,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Serves the text as it is when asked, with an ETag of its content: a 304 when the client has it. */
export function withEtag(text: () => string, contentType = 'application/rss+xml; charset=utf-8'): Handler {
  return (request, response) => {
    const body = text();
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentType, etag }).end(body);
  };
}

export function plain(body: string | Uint8Array, headers: Record<string, string | number> = {}, status = 200): Handler {
  return (_request, response) => void response.writeHead(status, headers).end(body);
}

export interface TestItem {
  title: string;
  guid?: string;
  link?: string;
  /** YYYY-MM-DD */
  date?: string;
  summary?: string;
  content?: string;
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tag = (name: string, value: string | undefined, attributes = '') =>
  value === undefined ? '' : `<${name}${attributes}>${xml(value)}</${name}>`;

export function rssFeed(title: string, items: readonly TestItem[]): string {
  const entries = items.map(
    (item) =>
      `<item>${tag('title', item.title)}${tag('link', item.link)}${tag('guid', item.guid, ' isPermaLink="false"')}` +
      `${item.date ? tag('pubDate', new Date(`${item.date}T09:00:00Z`).toUTCString()) : ''}${tag('description', item.summary)}` +
      `${tag('content:encoded', item.content)}</item>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
    `<title>${xml(title)}</title><link>https://outlet.example/</link><description>News</description>${entries.join('')}</channel></rss>`
  );
}

export function atomFeed(title: string, items: readonly TestItem[]): string {
  const entries = items.map(
    (item) =>
      `<entry>${tag('id', item.guid ?? item.link)}${tag('title', item.title)}` +
      `${item.link ? `<link rel="alternate" type="text/html" href="${xml(item.link)}"/>` : ''}${item.date ? tag('updated', `${item.date}T09:00:00Z`) : ''}` +
      `${tag('summary', item.summary, ' type="text"')}${tag('content', item.content, ' type="text"')}</entry>`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${xml(title)}</title>` +
    `<id>urn:test:${xml(title)}</id><updated>2025-05-01T00:00:00Z</updated>${entries.join('')}</feed>`
  );
}

export function jsonFeed(title: string, items: readonly TestItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((item) => ({
      id: item.guid ?? item.link,
      url: item.link,
      title: item.title,
      summary: item.summary,
      content_text: item.content,
      date_published: item.date ? `${item.date}T09:00:00Z` : undefined,
    })),
  });
}

/** An article page, long enough for Readability to take it for one. */
export function articlePage(headline: string, paragraphs: readonly string[]): string {
  const filler =
    'The figures could not be verified independently, and officials gave no further detail about how they were reached.';
  const body = [...paragraphs, filler, filler].map((p) => `<p>${xml(p)}</p>`).join('\n');
  return (
    `<!doctype html><html><head><title>${xml(headline)}</title></head><body><nav><a href="/">Home</a></nav>` +
    `<main><article><h1>${xml(headline)}</h1>${body}</article></main><footer>© Outlet</footer></body></html>`
  );
}

export interface Decision {
  articleId: number;
  scopes: string[];
  at: string;
}
export interface Notice {
  name: string;
  guildId: string;
  event: 'failing' | 'paused' | 'recovered';
  detail: string;
}

export interface RecordingHooks extends PollHooks {
  decisions: Decision[];
  notices: Notice[];
}

/** PollHooks that remember what they were told; `decide` may be replaced to throw. */
export function recordingHooks(decide?: PollHooks['decide']): RecordingHooks {
  const decisions: Decision[] = [];
  const notices: Notice[] = [];
  return {
    decisions,
    notices,
    async decide(articleId, scopes, now) {
      decisions.push({ articleId, scopes: [...scopes].sort(), at: now.toISOString() });
      await decide?.(articleId, scopes, now);
    },
    async notice(source, event, detail) {
      notices.push({ name: source.name, guildId: source.guildId, event, detail });
    },
  };
}

export const TEST_USER_AGENT = 'claimwatch-test/0.1 (+https://example.org/claimwatch)';

/** The fetcher tests use: loopback allowed, since every server here is on 127.0.0.1. */
export function loopbackFetcher(options: Partial<FetcherOptions> = {}): Fetcher {
  return createFetcher({ allowPrivate: true, userAgent: TEST_USER_AGENT, ...options });
}

export const T0 = new Date('2025-05-01T12:00:00Z');
export const minutesAfter = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);
