import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import { addFeedSource } from '../src/polling/add-source.js';
import { pollDue } from '../src/polling/poll.js';
import { addedAnswer } from '../src/polling/source-replies.js';
import { decodeBody } from '../src/sources/charset.js';
import { parseFeed } from '../src/sources/feed-parse.js';
import {
  type FeedServer,
  loopbackFetcher,
  minutesAfter,
  plain,
  recordingHooks,
  startFeedServer,
  T0,
} from './support/feed-server.js';
import { tempApp } from './support/store-app.js';

const FRENCH =
  'Le ministère de la Défense a déclaré que près de 11 000 soldats nord-coréens étaient déployés ' +
  'dans la région de Koursk, selon les services de renseignement sud-coréens. Élysée: réunion prévue.';
const JAPANESE =
  '韓国の国家情報院は、約一万一千人の北朝鮮兵士がロシアのクルスク州に派遣されたと発表した。防衛省も確認した。';

/** An RSS document with no encoding declared, as some CMSes write it. */
const rss = (title: string, text: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>` +
  `<item><title>${title}</title><guid>g1</guid><description>${text}</description></item></channel></rss>`;

const latin1 = (text: string) => Buffer.from(text, 'latin1');

// Node can decode Shift_JIS but not encode it: build the bytes by inverting the decoder over the characters used.
function encodeShiftJis(text: string): Uint8Array {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++)
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(char) ?? [0x81, 0x48]));
  }
  return new Uint8Array(bytes);
}

describe('a feed whose charset nobody declared correctly', () => {
  it('reads Latin-1 without a declaration instead of replacing every accent', () => {
    const decoded = decodeBody(latin1(rss('Défense: Élysée', FRENCH)), 'application/rss+xml');
    expect(decoded.text).toContain('ministère de la Défense');
    expect(decoded.text).not.toContain('\uFFFD');
    expect(decoded.guessed).toBe(true);
  });

  it('reads Latin-1 served as UTF-8', () => {
    const decoded = decodeBody(latin1(rss('Défense', FRENCH)), 'application/rss+xml; charset=utf-8');
    expect(decoded.text).toContain('soldats nord-coréens étaient');
  });

  it('reads Shift-JIS without a declaration', () => {
    const decoded = decodeBody(encodeShiftJis(rss('国家情報院', JAPANESE)), null);
    expect(decoded.charset).toBe('shift_jis');
    expect(decoded.text).toContain('北朝鮮兵士');
  });

  it('still trusts valid UTF-8 and a declared charset as they are', () => {
    expect(decodeBody(new TextEncoder().encode(rss('Défense', FRENCH)), null)).toMatchObject({ charset: 'utf-8' });
    expect(decodeBody(latin1('<rss>é</rss>'), 'text/xml; charset=ISO-8859-1')).toEqual({
      text: '<rss>é</rss>',
      charset: 'windows-1252',
    });
  });
});

describe('fetching such a feed', () => {
  let server: FeedServer;
  beforeEach(async () => {
    server = await startFeedServer();
  });
  afterEach(() => server.close());

  it('gives its items their real titles and outlet', async () => {
    server.route('/fr.xml', plain(latin1(rss('Le Défenseur', FRENCH)), { 'content-type': 'text/xml' }));
    const result = await loopbackFetcher().fetch(server.url('/fr.xml'));
    if (result.status !== 'ok') throw new Error(`fetch failed: ${JSON.stringify(result)}`);
    const feed = parseFeed(result.text, result.contentType);
    expect(feed.title).toBe('Le Défenseur');
    expect(feed.items[0]!.summary).toContain('Élysée');
  });

  it('says on /sources add, and keeps for /sources status, that the charset was a guess', async () => {
    server.route('/fr.xml', plain(latin1(rss('Le Défenseur', FRENCH)), { 'content-type': 'text/xml' }));
    const t = await tempApp({ fetcher: loopbackFetcher() });
    try {
      const added = await addFeedSource(t.app, { guildId: 'g1', name: 'Défenseur', url: server.url('/fr.xml') }, T0);
      expect(addedAnswer(added).summary).toContain('read as windows-1252 by a guess');
      await pollDue(t.app, recordingHooks(), minutesAfter(T0, 5), silentLogger);
      expect((await t.app.port.sourceBook.feed(server.url('/fr.xml'))).lastError).toMatch(
        /read as windows-1252 by a guess/,
      );
    } finally {
      await t.close();
    }
  });
});
