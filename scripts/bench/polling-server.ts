/**
 * The polling bench's feed server, run as a child process (polling-host.ts starts it) so serving
 * does not take CPU from the poller being timed. Serves `/rss/F` for feeds 0..N-1 on 127.0.0.1
 * with an ETag per version: a request carrying the current one gets 304 Not Modified.
 * Driven over IPC: `start` → `ready {port}`, `publish` (every feed gains one new item, the oldest
 * drops off, as a real feed's window slides) → `published`, `stats` → `stats {ok, notModified, notFound}`.
 * Hostile shapes on request: every feed answering after `delayMs`, every `silentEvery`th feed never
 * answering, and `/hostile.xml`, ten summary-only items whose pages (`/silent/N`) never answer.
 * It counts the most requests any one host name had in flight, to show the per-host limit held.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rssText } from './polling-feeds.js';

export interface ServerShape {
  /** Every feed answers (200 or 304) after this long. */
  delayMs?: number;
  /** Feed f never answers when f % silentEvery === silentEvery - 1 (0: none). */
  silentEvery?: number;
}

export type ServerRequest =
  | ({ type: 'start'; feeds: number; items: number; start: number } & ServerShape)
  | { type: 'publish' }
  | { type: 'stats' };

export interface ServerStats {
  ok: number;
  notModified: number;
  notFound: number;
  /** Requests left unanswered on purpose (silent feeds and pages). */
  silent: number;
  /** The most requests one host name had in flight at once. */
  maxPerHost: number;
}

export type ServerReply =
  | { type: 'ready'; port: number }
  | { type: 'published'; first: number }
  | ({ type: 'stats' } & ServerStats);

interface Feed {
  body: Buffer;
  etag: string;
}

const feeds: Feed[] = [];
const stats: ServerStats = { ok: 0, notModified: 0, notFound: 0, silent: 0, maxPerHost: 0 };
let config: Required<ServerShape> & { feeds: number; items: number; start: number } = {
  feeds: 0,
  items: 0,
  start: 0,
  delayMs: 0,
  silentEvery: 0,
};
const inFlight = new Map<string, number>();
// Every feed holds items first..first+items-1; publishing moves the window on by one.
let first = 0;

function render(): void {
  for (let f = 0; f < config.feeds; f++) {
    feeds[f] = { body: Buffer.from(rssText(f, first, config.items, config.start)), etag: `"f${f}-v${first}"` };
  }
}

const HOSTILE_ITEMS = 10;
function hostileFeed(host: string): string {
  const items = Array.from(
    { length: HOSTILE_ITEMS },
    (_, n) =>
      `<item><title>Teaser ${n}</title><link>http://${host}/silent/${n}-${stats.silent}</link><guid>hostile-${first}-${n}</guid>` +
      `<description>Read more.</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${items.join('')}</channel></rss>`;
}

/** Counts the request against its host until it is answered or dropped. */
function track(request: IncomingMessage, response: ServerResponse): void {
  const host = request.headers.host ?? '';
  const now = (inFlight.get(host) ?? 0) + 1;
  inFlight.set(host, now);
  stats.maxPerHost = Math.max(stats.maxPerHost, now);
  response.once('close', () => inFlight.set(host, (inFlight.get(host) ?? 1) - 1));
}

function route(request: IncomingMessage, response: ServerResponse): void {
  track(request, response);
  const url = request.url ?? '';
  if (url.startsWith('/silent/')) {
    stats.silent += 1; // accepted, never answered: the client gives up
    return;
  }
  if (url === '/hostile.xml') {
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(hostileFeed(request.headers.host ?? ''));
    return;
  }
  const f = Number(/^\/rss\/(\d+)$/.exec(url)?.[1] ?? -1);
  if (config.silentEvery > 0 && f % config.silentEvery === config.silentEvery - 1) {
    stats.silent += 1;
    return;
  }
  if (config.delayMs > 0) setTimeout(() => serve(request, response), config.delayMs);
  else serve(request, response);
}

function serve(request: IncomingMessage, response: ServerResponse): void {
  const match = /^\/rss\/(\d+)$/.exec(request.url ?? '');
  const feed = match ? feeds[Number(match[1])] : undefined;
  if (!feed) {
    stats.notFound += 1;
    response.writeHead(404).end('not here');
  } else if (request.headers['if-none-match'] === feed.etag) {
    stats.notModified += 1;
    response.writeHead(304, { etag: feed.etag }).end();
  } else {
    stats.ok += 1;
    response
      .writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: feed.etag,
        'content-length': feed.body.length,
      })
      .end(feed.body);
  }
}

const server = createServer(route);
const reply = (message: ServerReply) => process.send!(message);

process.on('message', (message: ServerRequest) => {
  if (message.type === 'start') {
    const { delayMs = 0, silentEvery = 0 } = message;
    config = { feeds: message.feeds, items: message.items, start: message.start, delayMs, silentEvery };
    render();
    server.listen(0, '127.0.0.1', () => reply({ type: 'ready', port: (server.address() as AddressInfo).port }));
  } else if (message.type === 'publish') {
    first += 1;
    render();
    reply({ type: 'published', first });
  } else {
    reply({ type: 'stats', ...stats });
  }
});
// The parent going away (a crash, Ctrl-C) ends the server too.
process.on('disconnect', () => process.exit(0));
