import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/extract/index.js';

describe('article files: header, flags and bylines', () => {
  it('reads the header keys and keeps only the body after ---', () => {
    const article = parseArticle(
      'title: A\noutlet: Yonhap\ndate: 2024-10-23\nurl: https://x.test/a\nlang: en\n---\nBody text.',
    );
    expect(article.meta).toEqual({
      title: 'A',
      outlet: 'Yonhap',
      date: '2024-10-23',
      url: 'https://x.test/a',
      lang: 'en',
    });
    expect(article.body).toBe('Body text.');
  });

  it('treats a file with no --- in its first 20 lines as all body', () => {
    const text = `outlet: Yonhap\n${'line\n'.repeat(25)}---\nrest`;
    const article = parseArticle(text);
    expect(article.body).toBe(text);
    expect(article.meta.outlet).toBeNull();
  });

  it('finds a byline date and an outlet line in a scraped page', () => {
    const article = parseArticle('Troops Sent\n- DailyBuzzReports\n- Oct 18, 2024\n- 2 min read\n\nBody.');
    expect(article.meta).toMatchObject({ outlet: 'DailyBuzzReports', date: '2024-10-18' });
  });

  it('reads "date 2024-10-18" run into the first sentence', () => {
    expect(parseArticle(' date 2024-10-18 North Korea reportedly deploys troops.').meta.date).toBe('2024-10-18');
  });

  it('prefers the flags to a byline, and the header to the flags', () => {
    expect(parseArticle('Oct 18, 2024\n\nBody.', { date: '2024-11-01' }).meta.date).toBe('2024-11-01');
    expect(parseArticle('date: 2024-10-23\n---\nBody.', { date: '2024-11-01' }).meta.date).toBe('2024-10-23');
  });

  it('ignores a header date that is not YYYY-MM-DD', () => {
    expect(parseArticle('date: last Tuesday\n---\nBody.').meta.date).toBeNull();
  });
});
