import { describe, expect, it } from 'vitest';
import { claimsIn } from './support/extract.js';

const first = (text: string) => claimsIn(text)[0]!;

describe('hedges are normalised and bind to the number after them', () => {
  it.each([
    ['about 3,000 troops', 'approximately'],
    ['around 3,000 troops', 'approximately'],
    ['roughly 3,000 troops', 'approximately'],
    ['some 3,000 troops', 'approximately'],
    ['an estimated 3,000 troops', 'approximately'],
    ['as many as 3,000 troops', 'up to'],
    ['up to 3,000 troops', 'up to'],
    ['at most 3,000 troops', 'up to'],
    ['at least 3,000 troops', 'at least'],
    ['more than 3,000 troops', 'more than'],
    ['over 3,000 troops', 'more than'],
    ['upwards of 3,000 troops', 'more than'],
    ['nearly 3,000 troops', 'nearly'],
    ['almost 3,000 troops', 'nearly'],
    ['close to 3,000 troops', 'nearly'],
    ['3,000 troops', null],
  ])('"%s" is hedged %s', (phrase, hedge) => {
    expect(first(`The agency said ${phrase} were sent.`).hedge).toBe(hedge);
  });

  it('gives each figure its own hedge', () => {
    const claims = claimsIn('About 1,500 troops are there, and the total could rise to at least 12,000.');
    expect(claims.map((c) => c.hedge)).toEqual(['approximately', 'at least']);
  });
});

describe('status comes from the words around each figure', () => {
  it.each([
    ['The NIS said 1,500 troops are in Russia.', 'reported'],
    ['Up to 10,000 soldiers could join the fight.', 'projected'],
    ['The number is expected to reach 12,000 troops.', 'projected'],
    ['They are preparing 10,000 soldiers.', 'projected'],
    ['Projections put the total at 12,000 troops.', 'projected'],
    ['The Pentagon confirmed that 10,000 troops are in Kursk.', 'confirmed'],
    ['Moscow denied that 10,000 troops had been sent.', 'denied'],
    ['Reuters could not independently verify that 10,000 troops were there.', 'unverified'],
    ['As many as eight million shells may have been shipped.', 'reported'],
  ])('%s -> %s', (text, status) => {
    expect(first(text).status).toBe(status);
  });

  it('reads status clause by clause', () => {
    const claims = claimsIn(
      'About 1,500 troops are already in Russia, with projections suggesting the total could rise to 12,000.',
    );
    expect(claims.map((c) => c.status)).toEqual(['reported', 'projected']);
  });
});

describe('statements with no figure', () => {
  it('turns a denial about a topic into a claim with no figure', () => {
    const [claim] = claimsIn('The Kremlin dismissed reports of North Korean troops in Russia as "fake news".');
    expect(claim).toMatchObject({ low: null, high: null, status: 'denied', topic: 'troops', claimant: 'Kremlin' });
  });

  it('turns a no-evidence statement into an unverified claim', () => {
    const [claim] = claimsIn('NATO said it had no evidence of North Korean soldiers in the fighting.');
    expect(claim).toMatchObject({ low: null, status: 'unverified', topic: 'troops', claimant: 'NATO' });
  });

  it('ignores a denial about nothing the story tracks', () => {
    expect(claimsIn('The minister denied that he had resigned.')).toEqual([]);
  });
});

describe('unit and topic', () => {
  it.each([
    ['About 1,500 North Korean troops are in Russia.', 'troops', 'troops'],
    ['Yonhap said it formed four brigades of soldiers.', 'brigades', 'troops'],
    ['Up to 8 million artillery shells were shipped.', 'artillery shells', 'munitions'],
    ['Six North Koreans had perished in the strike.', 'deaths', 'casualties'],
    ['About 1,000 soldiers were wounded.', 'wounded', 'casualties'],
    ['Some 3,000 were killed or wounded.', 'casualties', 'casualties'],
  ])('%s counts %s in topic %s', (text, unit, topic) => {
    expect(first(`North Korea's troops in Russia\n\n${text}`)).toMatchObject({ unit, topic });
  });

  it('keeps the size of a whole army out of the troops topic', () => {
    expect(first('With a military force of 1.2 million troops, it is large.')).toMatchObject({
      unit: 'troops',
      topic: null,
    });
  });

  it('lets a figure with no noun inherit what the figure before it counted', () => {
    const claims = claimsIn('About 1,500 North Korean troops are there and the total could rise to around 12,000.');
    expect(claims[1]).toMatchObject({ unit: 'troops', topic: 'troops' });
  });
});
