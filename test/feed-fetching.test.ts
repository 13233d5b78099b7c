import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isBlockedAddress } from '../src/sources/address-policy.js';
import { decodeBody } from '../src/sources/charset.js';
import {
  createFetcher,
  type FetcherOptions,
  type FetchResult,
  type Lookup,
  parseRetryAfter,
} from '../src/sources/fetch.js';
import { trackHandles } from './support/open-handles.js';

// Every server here listens on 127.0.0.1 and every other host name goes through an injected lookup:
// nothing in this file can reach the internet.

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

interface TestServer {
  url: string;
  port: number;
  requests: IncomingMessage[];
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: Handler): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    handler(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, port, requests };
}

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const USER_AGENT = 'claimwatch/0.1 (+https://example.org/claimwatch; newsroom feed poller)';

function fetcher(options: Partial<FetcherOptions> = {}) {
  return createFetcher({ allowPrivate: true, userAgent: USER_AGENT, ...options });
}

/** DNS for made-up names, so tests can show the check runs on what a name resolves to. */
function fakeDns(names: Record<string, string>): Lookup {
  return async (hostname) => {
    const address = names[hostname];
    if (address === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
}

function reply(body: string | Uint8Array, headers: Record<string, string | number> = {}, status = 200): Handler {
  return (_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  };
}

function failure(result: FetchResult) {
  if (result.status !== 'failed') throw new Error(`expected a failure, got ${result.status}`);
  return result;
}

function success(result: FetchResult) {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

// 한국 (Korea) in EUC-KR, and Москва (Moscow) in Windows-1251, byte by byte: TextEncoder only writes UTF-8.
const KOREA_EUC_KR = [0xc7, 0xd1, 0xb1, 0xb9];
const MOSCOW_WINDOWS_1251 = [0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0];

function feedBytes(declaration: string, word: number[]): Uint8Array {
  const ascii = (text: string) => [...Buffer.from(text, 'ascii')];
  return Uint8Array.from([
    ...ascii(`${declaration}<rss><channel><title>`),
    ...word,
    ...ascii('</title></channel></rss>'),
  ]);
}

describe('fetching a feed', () => {
  it('returns a UTF-8 feed as text with its final URL, content type, validators and size', async () => {
    const body = '<rss><channel><title>북한군 파병 — Kursk</title></channel></rss>';
    const server = await serve(
      reply(body, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Tue, 03 Dec 2024 10:00:00 GMT',
      }),
    );
    const result = success(await fetcher().fetch(server.url));
    expect(result).toMatchObject({
      url: server.url,
      text: body,
      charset: 'utf-8',
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Tue, 03 Dec 2024 10:00:00 GMT',
      bytes: Buffer.byteLength(body),
    });
  });

  it('sends a User-Agent that names the bot and asks for feeds and compression', async () => {
    const server = await serve(reply('<rss/>'));
    await fetcher().fetch(server.url);
    expect(server.requests[0]?.headers).toMatchObject({
      'user-agent': USER_AGENT,
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(server.requests[0]?.headers.accept).toContain('application/rss+xml');
  });

  it.each([
    [
      'EUC-KR in the Content-Type header',
      { 'content-type': 'text/xml; charset=EUC-KR' },
      '',
      KOREA_EUC_KR,
      '한국',
      'euc-kr',
    ],
    [
      'EUC-KR in the XML declaration',
      { 'content-type': 'text/xml' },
      '<?xml version="1.0" encoding="EUC-KR"?>',
      KOREA_EUC_KR,
      '한국',
      'euc-kr',
    ],
    [
      'Windows-1251 in the Content-Type header',
      { 'content-type': 'application/rss+xml; charset="windows-1251"' },
      '',
      MOSCOW_WINDOWS_1251,
      'Москва',
      'windows-1251',
    ],
    [
      'Windows-1251 in the XML declaration',
      {},
      "<?xml version='1.0' encoding='windows-1251'?>",
      MOSCOW_WINDOWS_1251,
      'Москва',
      'windows-1251',
    ],
    [
      'ISO-8859-1 in the Content-Type header',
      { 'content-type': 'text/xml; charset=ISO-8859-1' },
      '',
      [0x63, 0x61, 0x66, 0xe9],
      'café',
      'windows-1252',
    ],
  ])('decodes a feed whose charset is %s', async (_name, headers, declaration, word, expected, charset) => {
    const server = await serve(reply(feedBytes(declaration, word), headers));
    const result = success(await fetcher().fetch(server.url));
    expect(result.text).toBe(`${declaration}<rss><channel><title>${expected}</title></channel></rss>`);
    expect(result.charset).toBe(charset);
  });

  it('sends the previous ETag and Last-Modified and reports not-modified on a 304', async () => {
    const server = await serve((request, response) => {
      const fresh =
        request.headers['if-none-match'] === '"v1"' &&
        request.headers['if-modified-since'] === 'Tue, 03 Dec 2024 10:00:00 GMT';
      response.writeHead(fresh ? 304 : 200, { etag: '"v1"', 'last-modified': 'Tue, 03 Dec 2024 10:00:00 GMT' });
      response.end(fresh ? undefined : '<rss/>');
    });
    const fetch = fetcher();
    const first = success(await fetch.fetch(server.url));
    const second = await fetch.fetch(server.url, { etag: first.etag, lastModified: first.lastModified });
    expect(second).toEqual({ status: 'not-modified', url: server.url });
  });

  it('follows a few redirects and reports the final URL', async () => {
    const server = await serve((request, response) => {
      const step = Number(request.url?.slice(1) || 0);
      if (step < 3) response.writeHead(step % 2 ? 301 : 307, { location: `/${step + 1}` }).end();
      else response.writeHead(200).end('<rss/>');
    });
    expect(success(await fetcher().fetch(server.url)).url).toBe(`${server.url}3`);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('decodes a %s body and counts its decompressed bytes', async (coding, compress) => {
    const server = await serve(reply(compress('<rss>ok</rss>'), { 'content-encoding': coding }));
    expect(success(await fetcher().fetch(server.url))).toMatchObject({ text: '<rss>ok</rss>', bytes: 13 });
  });

  it('leaves no socket or timer open once a fetch is done, whatever its outcome', async () => {
    const ok = await serve(reply('<rss/>'));
    const redirect = await serve(reply('', { location: ok.url }, 301));
    const silent = await serve(() => {});
    const handles = trackHandles();
    try {
      const fetch = fetcher({ timeoutMs: 200 });
      await Promise.all([fetch.fetch(ok.url), fetch.fetch(redirect.url), fetch.fetch(silent.url)]);
      expect(await handles.open()).toEqual([]);
    } finally {
      handles.stop();
    }
  });
});

describe('fetching a feed that misbehaves', () => {
  it('gives up on a server that never answers', async () => {
    const server = await serve(() => {});
    const result = failure(await fetcher({ timeoutMs: 200 }).fetch(server.url));
    expect(result).toMatchObject({ url: server.url, reason: 'timed out after 200 ms' });
  });

  it('gives up on a body that trickles in past the deadline', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.write('<rss>'); // and never ends
    });
    expect(failure(await fetcher({ timeoutMs: 200 }).fetch(server.url)).reason).toBe('timed out after 200 ms');
  });

  it('refuses a body larger than the cap, whether or not its length is declared', async () => {
    const big = Buffer.alloc(200 * 1024, 'a');
    const declared = await serve(reply(big, { 'content-length': big.length }));
    const streamed = await serve((_request, response) => {
      response.writeHead(200); // chunked: the size is only known by counting
      for (let i = 0; i < 20; i += 1) response.write(big.subarray(0, 10 * 1024));
      response.end();
    });
    const fetch = fetcher({ maxBytes: 64 * 1024 });
    expect(failure(await fetch.fetch(declared.url)).reason).toBe('larger than 64 KB');
    expect(failure(await fetch.fetch(streamed.url)).reason).toBe('larger than 64 KB');
  });

  it('refuses a gzip bomb once its decompressed size passes the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024)); // 50 MB of zeros, about 50 KB compressed
    expect(bomb.length).toBeLessThan(64 * 1024);
    const server = await serve(reply(bomb, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }));
    const result = failure(await fetcher({ maxBytes: 64 * 1024 }).fetch(server.url));
    expect(result.reason).toBe('larger than 64 KB once decompressed');
  });

  it('reports a body that claims gzip but is not', async () => {
    const server = await serve(reply('<rss/>', { 'content-encoding': 'gzip' }));
    expect(failure(await fetcher().fetch(server.url)).reason).toBe(
      'sent a compressed body that could not be decompressed',
    );
  });

  it('stops after too many redirects', async () => {
    const server = await serve((request, response) => {
      response.writeHead(302, { location: `/${Number(request.url?.slice(1) || 0) + 1}` }).end();
    });
    const result = failure(await fetcher({ maxRedirects: 5 }).fetch(server.url));
    expect(result.reason).toBe('too many redirects (more than 5)');
    expect(server.requests).toHaveLength(6);
  });

  it('reports an HTTP error by its status', async () => {
    const server = await serve(reply('gone', {}, 404));
    expect(failure(await fetcher().fetch(server.url))).toMatchObject({ reason: 'HTTP 404 Not Found', httpStatus: 404 });
  });

  it('reads Retry-After in seconds on a 429 and as an HTTP date on a 503', async () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const limited = await serve(reply('slow down', { 'retry-after': '120' }, 429));
    const down = await serve(reply('maintenance', { 'retry-after': inAMinute }, 503));
    const fetch = fetcher();
    expect(failure(await fetch.fetch(limited.url))).toMatchObject({
      reason: 'HTTP 429 Too Many Requests',
      httpStatus: 429,
      retryAfterMs: 120_000,
    });
    const result = failure(await fetch.fetch(down.url));
    expect(result.retryAfterMs).toBeGreaterThan(50_000);
    expect(result.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('parses Retry-After forms and ignores what it cannot read', () => {
    const now = Date.parse('Tue, 03 Dec 2024 10:00:00 GMT');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 03 Dec 2024 10:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Tue, 03 Dec 2024 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('refuses addresses that are not http(s)', async () => {
    const fetch = fetcher();
    expect(failure(await fetch.fetch('file:///etc/passwd')).reason).toBe('not http(s)');
    expect(failure(await fetch.fetch('ftp://feeds.example/rss')).reason).toBe('not http(s)');
    expect(failure(await fetch.fetch('not a url')).reason).toBe('not a valid URL');
    const server = await serve(reply('', { location: 'file:///etc/passwd' }, 302));
    expect(failure(await fetch.fetch(server.url)).reason).toBe('redirects to an address that is not http(s)');
  });

  it('reports a name DNS cannot resolve and a port that refuses connections', async () => {
    const fetch = fetcher({ lookup: fakeDns({}) });
    expect(failure(await fetch.fetch('http://nowhere.example/rss')).reason).toBe(
      'DNS lookup failed for nowhere.example',
    );
    expect(failure(await fetch.fetch(`http://127.0.0.1:${await closedPort()}/`)).reason).toBe('connection refused');
  });
});

describe('fetching only public addresses', () => {
  it('refuses a private address given literally, without connecting', async () => {
    const server = await serve(reply('<rss/>'));
    const result = failure(await fetcher({ allowPrivate: false }).fetch(server.url));
    expect(result.reason).toBe('127.0.0.1 is a private address, which is not allowed');
    expect(server.requests).toHaveLength(0);
  });

  it('checks the address a name resolves to, and connects to that address', async () => {
    const server = await serve(reply('<rss/>'));
    const lookup = fakeDns({ 'feeds.example': '127.0.0.1' });
    const refused = failure(
      await fetcher({ allowPrivate: false, lookup }).fetch(`http://feeds.example:${server.port}/rss`),
    );
    expect(refused.reason).toBe('feeds.example is at a private address (127.0.0.1), which is not allowed');
    expect(server.requests).toHaveLength(0);

    success(await fetcher({ allowPrivate: true, lookup }).fetch(`http://feeds.example:${server.port}/rss`));
    expect(server.requests[0]?.headers.host).toBe(`feeds.example:${server.port}`);
  });

  it('refuses a redirect from an allowed host to a private one', async () => {
    // The server stands in for a public host: its own address is let through, nothing else is.
    const lookup = fakeDns({ 'news.example': '127.0.0.1', 'metadata.example': 'fd00:ec2::254' });
    const targets: Record<string, string> = {
      '/loopback': 'http://127.0.0.2/rss',
      '/metadata': 'http://169.254.169.254/latest/meta-data/',
      '/mapped': 'http://[::ffff:10.0.0.1]/',
      '/named': 'http://metadata.example/',
    };
    const server = await serve((request, response) =>
      response.writeHead(302, { location: targets[request.url ?? ''] }).end(),
    );
    const fetch = fetcher({ allowPrivate: false, allowedAddresses: ['127.0.0.1'], lookup });
    const reasons = await Promise.all(
      Object.keys(targets).map(
        async (path) => failure(await fetch.fetch(`http://news.example:${server.port}${path}`)).reason,
      ),
    );
    expect(reasons).toEqual([
      'redirects to a private address (127.0.0.2), which is not allowed',
      'redirects to a private address (169.254.169.254), which is not allowed',
      'redirects to a private address (::ffff:a00:1), which is not allowed',
      'redirects to metadata.example at a private address (fd00:ec2::254), which is not allowed',
    ]);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['::1', true],
    ['::', true],
    ['fc00::1', true],
    ['fd00:ec2::254', true],
    ['fe80::1%eth0', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:192.168.0.1', true],
    ['64:ff9b::10.0.0.1', true],
    ['2002:7f00:1::', true], // 6to4 of 127.0.0.1
    ['2002:808:808::', true], // 6to4 is refused whole, whatever it carries
    ['::ffff:0:7f00:1', true], // IPv4-translated 127.0.0.1
    ['64:ff9b:1::7f00:1', true], // local-use NAT64 of 127.0.0.1
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true], // Teredo
    ['3fff::1', true], // documentation
    ['5f00::1', true], // segment routing
    ['not-an-ip', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['100.128.0.1', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::8.8.8.8', false],
    ['2001:4860:4860::8888', false],
    ['2a00:1450:4001::200e', false],
  ])('judges %s as blocked: %s', (address, blocked) => {
    expect(isBlockedAddress(address)).toBe(blocked);
  });
});

describe('fetching politely', () => {
  it('holds at most the per-host number of requests at once, counted per host name', async () => {
    let active = 0;
    const most = new Map<string, number>();
    const activeByHost = new Map<string, number>();
    const server = await serve((request, response) => {
      const host = request.headers.host ?? '';
      activeByHost.set(host, (activeByHost.get(host) ?? 0) + 1);
      active += 1;
      most.set(host, Math.max(most.get(host) ?? 0, activeByHost.get(host) ?? 0));
      most.set('all', Math.max(most.get('all') ?? 0, active));
      setTimeout(() => {
        active -= 1;
        activeByHost.set(host, (activeByHost.get(host) ?? 0) - 1);
        response.end('<rss/>');
      }, 80);
    });
    const fetch = fetcher({
      perHostConcurrency: 2,
      lookup: fakeDns({ 'a.example': '127.0.0.1', 'b.example': '127.0.0.1' }),
    });
    const urls = [...Array(5)].flatMap((_, i) => [
      `http://a.example:${server.port}/${i}`,
      `http://b.example:${server.port}/${i}`,
    ]);
    const results = await Promise.all(urls.map((url) => fetch.fetch(url)));
    expect(results.every((result) => result.status === 'ok')).toBe(true);
    expect(most.get(`a.example:${server.port}`)).toBe(2);
    expect(most.get(`b.example:${server.port}`)).toBe(2);
    expect(most.get('all')).toBeLessThanOrEqual(4);
  });
});

describe('decoding a body', () => {
  it('lets a byte order mark win, then the header, then a declaration, then UTF-8', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('<rss>é</rss>')]);
    expect(decodeBody(bom, 'text/xml; charset=windows-1251')).toEqual({ text: '<rss>é</rss>', charset: 'utf-8' });
    const meta = Uint8Array.from([...Buffer.from('<html><head><meta charset="euc-kr"></head>'), ...KOREA_EUC_KR]);
    expect(decodeBody(meta, 'text/html')).toEqual({
      text: '<html><head><meta charset="euc-kr"></head>한국',
      charset: 'euc-kr',
    });
    expect(decodeBody(Buffer.from('<rss>é</rss>'), 'text/xml; charset=no-such-charset').charset).toBe('utf-8');
    expect(decodeBody(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss/>'), null).charset).toBe('utf-8');
  });
});
