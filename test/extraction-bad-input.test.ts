import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../src/sources/article-file.js';
import { claimsIn } from './support/extract.js';

const dir = mkdtempSync(join(tmpdir(), 'claimwatch-bad-'));

describe('bad input gets a clear message or an empty result, never a crash', () => {
  it('returns no claims for an empty article or one with no sentences', () => {
    expect(claimsIn('')).toEqual([]);
    expect(claimsIn('\n\n   \n')).toEqual([]);
    expect(claimsIn('—— ** // ::: ——')).toEqual([]);
  });

  it('refuses a binary file by name', () => {
    const path = join(dir, 'photo.jpg');
    writeFileSync(path, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
    expect(() => readArticleFile(path)).toThrow(/photo\.jpg: not a text file/);
  });

  it('refuses a 50 MB file before reading it, saying why', () => {
    const path = join(dir, 'huge.txt');
    writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, 'a'));
    expect(() => readArticleFile(path)).toThrow(/huge\.txt: too large for an article \(50\.0 MB; the limit is 5 MB\)/);
  });

  it('gets through a long run of text with no punctuation at all', () => {
    const text = 'troops said about 1,500 and '.repeat(20000);
    const claims = claimsIn(text);
    expect(claims.length).toBeGreaterThan(1000);
    expect(claims.every((c) => c.sentence.length <= 2000)).toBe(true);
  });

  it('takes no figure from markup pasted into a body: mentions, code, terminal codes, zero', () => {
    const body = [
      'The NIS said <@1100000000000000004> had not replied.',
      'A reader pasted `alert(1)` and alert(2) into the comments.',
      'The agency said \u001b[31m2\u001b[0m troops had left, and 0 troops remained.',
      'The NIS said about 1,500 troops had arrived.',
    ].join(' ');
    expect(claimsIn(body).map((c) => c.low)).toEqual([1500]);
  });

  it('reads full-width digits, non-breaking spaces and curly quotes', () => {
    const [claim] = claimsIn('“About １２，０００\u00a0troops are in Russia,” Zelensky said.');
    expect(claim).toMatchObject({ low: 12000, hedge: 'approximately', unit: 'troops', claimant: 'Zelenskyy' });
  });
});
