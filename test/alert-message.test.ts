import { afterEach, describe, expect, it } from 'vitest';
import { alertMessage, foldedDigest } from '../src/alerting/alert-message.js';
import { type Alert, alertsFor } from '../src/alerting/alert-rule.js';
import { decodePayload, encodePayload, type MessagePayload, noticeMessage } from '../src/alerting/message-payload.js';
import { type DiscordPayload, renderPayload, renderText } from '../src/render/render.js';
import { assertWithinDiscordLimits } from './support/discord-limits.js';
import { type TempApp, tempApp } from './support/store-app.js';

const LABEL = 'North Korean troops in Russia';

let temp: TempApp | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

/** Alerts from the real pipeline: a Pentagon figure on Oct 31, then a revised one relayed by Yonhap with a denial and a no-evidence statement. */
async function storyAlerts(): Promise<Alert[]> {
  temp = await tempApp();
  await temp.ingest({
    outlet: 'Reuters',
    date: '2024-10-31',
    url: 'https://example-news.test/reuters/1',
    body: 'The Pentagon said about 3,000 North Korean troops had arrived in Russia. The NIS said 10,000 North Korean soldiers were in Russia.',
  });
  const later = await temp.ingest({
    outlet: 'Kyiv Independent',
    date: '2024-11-13',
    url: 'https://example-news.test/kyiv/2',
    body:
      'The Pentagon now estimates that approximately 12,000 North Korean troops are in Russia, Yonhap reported. ' +
      'The Kremlin denied that North Korean troops were in Russia. The Pentagon said it had no evidence that North Korean troops were fighting.',
  });
  return alertsFor(temp.app.index, later.added, null);
}

/** Every piece of text in a Discord payload, joined: what a reader of the channel can see. */
function visible(payload: DiscordPayload): string {
  return payload.embeds
    .flatMap((e) => [
      e.title,
      e.description,
      e.url,
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text,
    ])
    .filter(Boolean)
    .join('\n');
}

const figureAlert = (overrides: Partial<Alert> = {}): Alert => ({
  kind: 'figure',
  claimId: 12,
  figureKey: 'troops|Pentagon|reported|troops|12000|12000',
  topic: 'troops',
  low: 12_000,
  high: 12_000,
  hedge: 'approximately',
  unit: 'troops',
  measure: 'troops',
  status: 'projected',
  claimant: 'Pentagon',
  via: 'Yonhap',
  outlet: 'Kyiv Independent',
  date: '2024-11-13',
  url: 'https://example-news.test/kyiv/2',
  sentence: 'The Pentagon expects about 12,000 troops.',
  previous: { low: 3000, high: 3000, date: '2024-10-31', status: 'projected' },
  delta: 9000,
  range: { low: 1500, high: 12_000, claimants: 3, newestDay: '2024-11-13' },
  ...overrides,
});

describe('the alert message', () => {
  it('shows the figure with its hedge, status, claimant, via, outlet, date, link, previous figure with delta and the range', async () => {
    const [revised] = await storyAlerts();
    const message = alertMessage(revised!, LABEL);
    const payload = renderPayload(message.answer);
    const text = visible(payload);
    expect(payload.embeds[0]?.title).toBe('New figure · North Korean troops in Russia');
    expect(text).toContain('**Pentagon**: approximately 12,000 troops · reported');
    expect(text).toContain('via Yonhap · [Kyiv Independent, Nov 13, 2024](https://example-news.test/kyiv/2)');
    expect(payload.embeds[0]?.url).toBe('https://example-news.test/kyiv/2');
    expect(text).toContain('up 9,000 from 3,000 on Oct 31, 2024');
    expect(text).toContain('**10,000–12,000 troops** across 2 claimants');
    expect(text).toContain('The Pentagon now estimates that approximately 12,000 North Korean troops are in Russia');
    expect(text).toContain('/claim 3');
    assertWithinDiscordLimits(payload);
  });

  it('names the status of a projected figure and says when a figure cannot be subtracted from the last', () => {
    const projected = visible(renderPayload(alertMessage(figureAlert(), LABEL).answer));
    expect(projected).toContain('**Pentagon**: approximately 12,000 troops · projected');
    const ranged = visible(
      renderPayload(
        alertMessage(
          figureAlert({
            low: 10_000,
            high: 12_000,
            hedge: null,
            delta: null,
            status: 'confirmed',
            previous: { low: 3000, high: 3000, date: '2024-10-31', status: 'reported' },
          }),
          LABEL,
        ).answer,
      ),
    );
    expect(ranged).toContain('10,000–12,000 troops · confirmed');
    expect(ranged).toContain('was 3,000 on Oct 31, 2024');
    const first = visible(renderPayload(alertMessage(figureAlert({ previous: null, delta: null }), LABEL).answer));
    expect(first).toContain('First figure from Pentagon');
  });

  it('reads a denial and a no-evidence statement naturally, without a change or a range', async () => {
    const [, denial, noEvidence] = await storyAlerts();
    const denied = renderPayload(alertMessage(denial!, LABEL).answer);
    expect(denied.embeds[0]?.title).toBe('New denial · North Korean troops in Russia');
    expect(denied.embeds[0]?.description?.split('\n')[0]).toBe('**Kremlin** denies it');
    const unverified = renderPayload(alertMessage(noEvidence!, LABEL).answer);
    expect(unverified.embeds[0]?.title).toBe('New statement · North Korean troops in Russia');
    expect(unverified.embeds[0]?.description?.split('\n')[0]).toBe('**Pentagon**: no evidence yet');
    for (const payload of [denied, unverified]) {
      expect(payload.embeds[0]?.fields?.map((f) => f.name)).toEqual(['Quote']);
      assertWithinDiscordLimits(payload);
    }
  });

  it('escapes quoted text so a claim cannot format the message or ping anyone', () => {
    const hostile = figureAlert({
      claimant: '@everyone',
      via: '**Loud** <@&123>',
      outlet: '_Tabloid_',
      sentence: '@here **12,000** troops <@42> [click](https://evil.test)',
    });
    const payload = renderPayload(alertMessage(hostile, LABEL).answer);
    const text = visible(payload);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(text).toContain('\\@everyone');
    expect(text).toContain('via \\*\\*Loud\\*\\* \\<\\@&123>');
    expect(text).toContain('\\_Tabloid\\_');
    expect(text).toContain('\\<\\@42> \\[click\\]\\(https://evil.test\\)');
    expect(text).not.toMatch(/(?<!\\)<@/);
  });

  it('stays within Discord limits with an enormous sentence, names and link, and leaves out a link that is not http', () => {
    const long = figureAlert({
      claimant: 'C'.repeat(3000),
      via: 'V'.repeat(3000),
      outlet: 'O'.repeat(3000),
      sentence: 'word '.repeat(5000),
      url: `https://example-news.test/${'p'.repeat(1900)}`,
    });
    assertWithinDiscordLimits(renderPayload(alertMessage(long, 'L'.repeat(400)).answer));
    const odd = alertMessage(figureAlert({ url: 'javascript:alert(1)' }), LABEL);
    expect(odd.answer.url).toBeUndefined();
    expect(odd.line).not.toContain('javascript');
  });

  it('keeps a link with parentheses inside its markdown and prints it in console text', () => {
    const message = alertMessage(figureAlert({ url: 'https://example-news.test/story_(update)' }), LABEL);
    expect(message.answer.summary).toContain('](https://example-news.test/story_%28update%29)');
    const text = renderText(message.answer);
    expect(text).toContain('Kyiv Independent, Nov 13, 2024 (https://example-news.test/story_%28update%29)');
    expect(text).toContain('up 9,000 from 3,000 on Oct 31, 2024');
  });

  it('has a one-line form naming the topic, the figure, the change and the source', () => {
    const { line } = alertMessage(figureAlert(), LABEL);
    expect(line).not.toContain('\n');
    expect(line).toBe(
      '*North Korean troops in Russia* · **Pentagon**: approximately 12,000 troops · projected · up 9,000 from 3,000 on Oct 31, 2024' +
        ' · via Yonhap · [Kyiv Independent, Nov 13, 2024](https://example-news.test/kyiv/2)',
    );
  });
});

describe('the folded digest', () => {
  it('makes one message titled "N more alerts" with one line per alert', () => {
    const payloads = [figureAlert(), figureAlert({ claimant: 'NIS', delta: null, previous: null })].map((a) =>
      alertMessage(a, LABEL),
    );
    const digest = foldedDigest(payloads);
    const payload = renderPayload(digest.answer);
    expect(payload.embeds[0]?.title).toBe('2 more alerts');
    expect(payload.embeds[0]?.fields?.[0]?.value.split('\n')).toEqual(payloads.map((p) => p.line));
    assertWithinDiscordLimits(payload);
  });

  it('fits two hundred alerts into one message and counts the ones that did not fit', () => {
    const payloads = Array.from({ length: 200 }, (_, i) =>
      alertMessage(figureAlert({ claimId: i, claimant: `Claimant ${i}` }), LABEL),
    );
    const payload = renderPayload(foldedDigest(payloads).answer);
    assertWithinDiscordLimits(payload);
    expect(payload.embeds[0]?.title).toBe('200 more alerts');
    const values = (payload.embeds[0]?.fields ?? [])
      .map((f) => f.value)
      .join('\n')
      .split('\n');
    const shown = values.filter((v) => v.startsWith('*North Korean')).length;
    const more = Number(/… and (\d+) more/.exec(values.join('\n'))?.[1]);
    expect(shown).toBeGreaterThan(10);
    expect(shown + more).toBe(200);
  });
});

describe('stored payloads', () => {
  it('come back as they were stored', () => {
    const message = alertMessage(figureAlert(), LABEL);
    expect(decodePayload(encodePayload(message))).toEqual(message);
    const notice = noticeMessage('Alerts stopped in a channel', 'claimwatch can no longer post in <#1>.');
    expect(decodePayload(encodePayload(notice))).toEqual(notice);
  });

  it('survive a malformed row as a plain, escaped notice that Discord accepts', () => {
    const rows = [
      'not json at all **@everyone**',
      '',
      '{"answer": 5}',
      '"just a string"',
      'null',
      '{"answer":{"title":"T","sections":[{"heading":1}],"ephemeral":true},"line":""}',
    ];
    const decoded: MessagePayload[] = rows.map(decodePayload);
    expect(decoded[0]?.answer).toEqual({
      title: 'Notice',
      summary: 'not json at all \\*\\*\\@everyone\\*\\*',
      sections: [],
    });
    expect(decoded[3]?.answer.summary).toBe('just a string');
    expect(decoded[5]?.answer).toEqual({ title: 'T', sections: [] });
    expect(decoded[5]?.line).toBe('T');
    for (const message of decoded) assertWithinDiscordLimits(renderPayload(message.answer));
  });
});
