import type { InteractionReplyOptions } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerSection } from '../src/answers/answer.js';
import { escapeMarkdown } from '../src/format/markdown.js';
import { type EmbedJSON, renderPayload, renderText, toReplyOptions } from '../src/render/render.js';
import { assertWithinDiscordLimits } from './support/discord-limits.js';

const answer = (over: Partial<Answer> = {}): Answer => ({ title: 'Troops in Kursk', sections: [], ...over });
const section = (heading: string, lines: string[]): AnswerSection => ({ heading, lines });
const numbered = (n: number, width = 24): string[] =>
  Array.from({ length: n }, (_, i) => `line ${i}`.padEnd(width, '.'));

function embedOf(a: Answer): EmbedJSON {
  const payload = renderPayload(a);
  assertWithinDiscordLimits(payload);
  const embed = payload.embeds[0];
  if (!embed) throw new Error('no embed');
  return embed;
}

/** Lines shown in a field, and the N of its "… and N more" (0 when nothing was cut). */
function shown(value: string): { lines: string[]; more: number } {
  const lines = value.split('\n');
  const tail = /^… and (\d+) more$/.exec(lines.at(-1) ?? '');
  return tail ? { lines: lines.slice(0, -1), more: Number(tail[1]) } : { lines, more: 0 };
}

const droppedSections = (embed: EmbedJSON): number =>
  Number(/… and (\d+) more sections$/.exec(embed.footer?.text ?? '')?.[1] ?? 0);

/** Deterministic (mulberry32), so a failing input can be reproduced from its seed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '',
  ' ',
  'troops',
  '1,500',
  '😀',
  '👍🏽',
  '\r\n',
  '\n',
  '\\',
  '\\*',
  '**bold**',
  '@everyone',
  '<@123>',
  '\uD800',
  'é',
];

function randomAnswer(random: () => number): Answer {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const text = (pieces: readonly number[] = [0, 1, 3, 20, 300, 3000]): string =>
    Array.from({ length: pick(pieces) }, () => pick(PIECES)).join('');
  const sectionCount = pick([0, 1, 3, 25, 26, 120]);
  const lineCount = pick(sectionCount > 3 ? [0, 1, 5, 60] : [0, 1, 5, 60, 2000]);
  // Giant lines or many lines, not both, to keep each case under a few milliseconds.
  const line = (): string => text(lineCount > 5 ? [0, 1, 3, 20] : undefined);
  return {
    title: text(),
    summary: random() < 0.8 ? text() : undefined,
    footer: random() < 0.8 ? text() : undefined,
    ephemeral: random() < 0.5,
    sections: Array.from({ length: sectionCount }, () => section(text(), Array.from({ length: lineCount }, line))),
  };
}

describe('rendering an answer as a Discord message', () => {
  it('renders a small answer whole: title, summary, a field a section, footer', () => {
    const small = answer({
      summary: 'From 1,000 to 3,000.',
      footer: '4 claims',
      url: 'https://example.com/kursk',
      sections: [section('NIS', ['**1,500** troops', 'on 3 May']), section('Pentagon', ['3,000'])],
    });
    expect(renderPayload(small)).toEqual({
      embeds: [
        {
          title: 'Troops in Kursk',
          description: 'From 1,000 to 3,000.',
          url: 'https://example.com/kursk',
          color: expect.any(Number),
          fields: [
            { name: 'NIS', value: '**1,500** troops\non 3 May' },
            { name: 'Pentagon', value: '3,000' },
          ],
          footer: { text: '4 claims' },
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('uses the same colour for every answer', () => {
    expect(embedOf(answer()).color).toBe(embedOf(answer({ title: 'Other', ephemeral: true })).color);
  });

  it('keeps as many whole lines as fit in a field and counts the rest in "… and N more"', () => {
    const lines = numbered(200);
    const { value } = embedOf(answer({ sections: [section('NIS', lines)] })).fields?.[0] ?? { value: '' };
    const { lines: kept, more } = shown(value);
    expect(kept).toEqual(lines.slice(0, kept.length));
    expect(kept.length + more).toBe(200);
    // Whole, so one more line would not have fitted beside the tail.
    expect(value.length + 25).toBeGreaterThan(1024);
  });

  it('counts every one of 10,000 lines as shown or as "more"', () => {
    const { value } = embedOf(answer({ sections: [section('All', numbered(10_000, 3))] })).fields?.[0] ?? { value: '' };
    const { lines, more } = shown(value);
    expect(lines.length + more).toBe(10_000);
  });

  it('cuts a single line longer than a field with "…"', () => {
    const { value } = embedOf(answer({ sections: [section('Long', ['x'.repeat(5000)])] })).fields?.[0] ?? { value: '' };
    expect(value).toBe(`${'x'.repeat(1023)}…`);
  });

  it('cuts an over-long first line rather than drop it, and counts the lines after it', () => {
    const { value } = embedOf(answer({ sections: [section('Long', ['y'.repeat(5000), 'short', 'short'])] }))
      .fields?.[0] ?? { value: '' };
    expect(value).toMatch(/^y{900,}…\n… and 2 more$/);
  });

  it('shows at most 25 fields and says in the footer how many sections were left out', () => {
    const embed = embedOf(
      answer({ footer: '40 claims', sections: Array.from({ length: 40 }, (_, i) => section(`S${i}`, ['a'])) }),
    );
    expect(embed.fields?.map((f) => f.name)).toEqual(Array.from({ length: 25 }, (_, i) => `S${i}`));
    expect(embed.footer?.text).toBe('40 claims · … and 15 more sections');
  });

  it('stays within 6000 characters overall and accounts for every line it drops', () => {
    const sections = Array.from({ length: 25 }, (_, i) => section(`Claimant ${i}`, numbered(60, 40)));
    const embed = embedOf(answer({ summary: 's'.repeat(2000), footer: 'Drawn from 1,500 claims', sections }));
    const fields = embed.fields ?? [];
    const accounted = fields.reduce((sum, f) => sum + shown(f.value).lines.length + shown(f.value).more, 0);
    expect(accounted + droppedSections(embed) * 60).toBe(25 * 60);
    expect(fields.length).toBeGreaterThan(0);
    expect(embed.footer?.text).toContain('Drawn from 1,500 claims');
  });

  it('counts 500 sections as 25 fields and "… and 475 more sections"', () => {
    const embed = embedOf(answer({ sections: Array.from({ length: 500 }, () => section('s', ['1'])) }));
    expect(embed.fields).toHaveLength(25);
    expect(embed.footer?.text).toBe('… and 475 more sections');
  });

  it('still shows sections when title, summary and footer are each past their own limit', () => {
    const embed = embedOf(
      answer({
        title: 't'.repeat(999),
        summary: 's'.repeat(9999),
        footer: 'f'.repeat(9999),
        sections: [section('NIS', numbered(100))],
      }),
    );
    expect(embed.title).toBe(`${'t'.repeat(255)}…`);
    expect(embed.description).toBe(`${'s'.repeat(4095)}…`);
    expect(embed.fields?.[0]?.value.length).toBeGreaterThan(500);
    expect(embed.footer?.text).toMatch(/^f+…$/);
  });

  it('never cuts an emoji in half, whichever side of the pair the limit falls on', () => {
    for (const prefix of ['', 'a']) {
      const emoji = prefix + '😀'.repeat(3000);
      const embed = embedOf(
        answer({ title: emoji, summary: emoji, footer: emoji, sections: [section(emoji, [emoji, emoji])] }),
      );
      expect(embed.title?.endsWith('😀…')).toBe(true);
    }
  });

  it('never leaves a lone backslash before the "…" it adds, which would escape it', () => {
    for (const prefix of ['', 'a']) {
      const escaped = prefix + escapeMarkdown('*'.repeat(3000));
      const embed = embedOf(answer({ title: escaped, summary: escaped, sections: [section(escaped, [escaped])] }));
      for (const text of [embed.title, embed.description, embed.fields?.[0]?.name, embed.fields?.[0]?.value]) {
        const slashes = /(\\*)…$/.exec(text ?? '')?.[1]?.length;
        expect(slashes === undefined ? 'uncut' : slashes % 2).toBe(0);
      }
    }
  });

  it('puts a placeholder where Discord would reject an empty title, heading or value', () => {
    const embed = embedOf(
      answer({
        title: ' ',
        summary: '  ',
        footer: '',
        sections: [section('', []), section(' ', ['']), section('x', [' ', ''])],
      }),
    );
    expect(embed.title).toBe('—');
    expect(embed.description).toBeUndefined();
    expect(embed.footer).toBeUndefined();
    expect(embed.fields).toEqual([
      { name: '—', value: '—' },
      { name: '—', value: '—' },
      { name: 'x', value: '—' },
    ]);
  });

  it('turns CRLF into LF, and line breaks in a heading into spaces', () => {
    const payload = renderPayload(answer({ title: 'a\r\nb', sections: [section('x\r\ny', ['1\r\n2', '3\r4'])] }));
    expect(payload.embeds[0]?.title).toBe('a b');
    expect(payload.embeds[0]?.fields).toEqual([{ name: 'x y', value: '1\n2\n3\n4' }]);
    expect(JSON.stringify(payload)).not.toContain('\\r');
  });

  it('leaves out a URL Discord would reject, keeping a good one', () => {
    expect(embedOf(answer({ url: 'not a url' })).url).toBeUndefined();
    expect(embedOf(answer({ url: 'javascript:alert(1)' })).url).toBeUndefined();
    expect(embedOf(answer({ url: 'https://example.com/a?b=1' })).url).toBe('https://example.com/a?b=1');
  });

  it('sets the EPHEMERAL flag for ephemeral answers only, and passes it on to discord.js', () => {
    expect(renderPayload(answer({ ephemeral: true })).flags).toBe(64);
    expect(renderPayload(answer())).not.toHaveProperty('flags');
    expect(toReplyOptions(renderPayload(answer({ ephemeral: true }))).flags).toBe(64);
    expect(toReplyOptions(renderPayload(answer()))).not.toHaveProperty('flags');
  });

  it('never lets a quoted mention ping, in the REST payload or the discord.js options', () => {
    const payload = renderPayload(answer({ title: '@everyone', sections: [section('<@123>', ['@here <@&456>'])] }));
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    const options: InteractionReplyOptions = toReplyOptions(payload);
    expect(options).toEqual({ embeds: payload.embeds, allowedMentions: { parse: [] } });
  });

  it('holds every limit on 300 random answers: giant lines, many sections, emoji, CRLF, escapes', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const payload = renderPayload(randomAnswer(generator(seed)));
      expect(() => assertWithinDiscordLimits(payload), `seed ${seed}`).not.toThrow();
    }
  });
});

describe('rendering an answer as console text', () => {
  it('shows title, summary, headed and bulleted lines, footer and URL', () => {
    const text = renderText(
      answer({
        summary: 'Range 1,000–3,000',
        footer: '2 claims',
        url: 'https://example.com/k',
        sections: [section('NIS', ['1,500', 'on 3 May']), section('Pentagon', ['3,000'])],
      }),
    );
    expect(text).toBe(
      'Troops in Kursk\nRange 1,000–3,000\n\nNIS\n  - 1,500\n  - on 3 May\n\nPentagon\n  - 3,000\n\n2 claims\nhttps://example.com/k',
    );
  });

  it('takes markdown out: bold, links and escapes, keeping their text', () => {
    const quote = escapeMarkdown('said "*1,500*" [sic] <@123> - (approx.) C:\\temp');
    const text = renderText(
      answer({
        title: '**Troops** in [Kursk](https://example.com/k)',
        sections: [section('__NIS__', [quote, '*hedged* ~~gone~~'])],
      }),
    );
    expect(text).toContain('Troops in Kursk (https://example.com/k)');
    expect(text).toContain('\nNIS\n');
    expect(text).toContain('  - said "*1,500*" [sic] <@123> - (approx.) C:\\temp\n');
    expect(text).toContain('  - hedged gone');
  });

  it('shows every line uncut, however long the answer', () => {
    const text = renderText(answer({ sections: [section('All', numbered(10_000))] }));
    expect(text.split('\n')).toHaveLength(2 + 10_000 + 1);
    expect(text).toContain('  - line 9999');
  });

  it('renders ephemeral answers the same as public ones', () => {
    const a = answer({ summary: 'none found', sections: [section('Try', ['Kursk'])] });
    expect(renderText({ ...a, ephemeral: true })).toBe(renderText(a));
  });
});

describe('lines an answer left out before rendering', () => {
  it('are counted in the field’s "and N more" alongside the lines the renderer cut', () => {
    const payload = renderPayload({
      title: 'NIS',
      sections: [{ heading: 'Claimed', lines: ['one', 'two'], omitted: 40 }],
    });
    expect(payload.embeds[0]!.fields![0]!.value).toBe('one\ntwo\n… and 40 more');
  });

  it('are counted in console text too', () => {
    expect(renderText({ title: 'NIS', sections: [{ heading: 'Claimed', lines: ['one'], omitted: 3 }] })).toContain(
      '… and 3 more',
    );
  });
});
