/**
 * The polling bench's feed server, run as a child process (polling-host.ts starts it) so serving
 * does not take CPU from the poller being timed. Serves `/rss/F` for feeds 0..N-1 on 127.0.0.1
 * with an ETag per version: a request carrying the current one gets 304 Not Modified.
 * Driven over IPC: `start` → `ready {port}`, `publish` (every feed gains one new item, the oldest
 * drops off, as a real feed's window slides) → `published`, `stats` → `stats {ok, notModified, notFound}`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rssText } from './polling-feeds.js';

export type ServerRequest =
  | { type: 'start'; feeds: number; items: number; start: number }
  | { type: 'publish' }
  | { type: 'stats' };

export interface ServerStats {
  ok: number;
  notModified: number;
  notFound: number;
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
const stats: ServerStats = { ok: 0, notModified: 0, notFound: 0 };
let config = { feeds: 0, items: 0, start: 0 };
// Every feed holds items first..first+items-1; publishing moves the window on by one.
let first = 0;

function render(): void {
  for (let f = 0; f < config.feeds; f++) {
    feeds[f] = { body: Buffer.from(rssText(f, first, config.items, config.start)), etag: `"f${f}-v${first}"` };
  }
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

const server = createServer(serve);
const reply = (message: ServerReply) => process.send!(message);

process.on('message', (message: ServerRequest) => {
  if (message.type === 'start') {
    config = { feeds: message.feeds, items: message.items, start: message.start };
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
