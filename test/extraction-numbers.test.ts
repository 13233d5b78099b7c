import { describe, expect, it } from 'vitest';
import { claimsIn, figuresIn } from './support/extract.js';

describe('numbers become figures', () => {
  it.each([
    ['About 1,500 troops arrived.', [[1500, 1500]]],
    ['Some 12 000 troops arrived.', [[12000, 12000]]],
    ['The army has 1.2 million troops.', [[1_200_000, 1_200_000]]],
    ['Officials counted 1.5m shells.', [[1_500_000, 1_500_000]]],
    ['The deal is worth $2bn to Pyongyang.', [[2_000_000_000, 2_000_000_000]]],
    ['Some 12k soldiers were moved.', [[12000, 12000]]],
    ['Six soldiers were captured.', [[6, 6]]],
    ['It sent eight million shells.', [[8_000_000, 8_000_000]]],
    ['About 11 thousand troops were seen.', [[11000, 11000]]],
    ['Roughly 15-hundred troops landed.', [[1500, 1500]]],
    ['A dozen soldiers were killed.', [[12, 12]]],
  ])('reads %s', (text, expected) => {
    expect(figuresIn(text)).toEqual(expected);
  });

  it.each([
    ['The NIS put the number at 10,000 to 12,000 troops.', [10000, 12000]],
    ['It said between 11,000 and 12,000 troops were there.', [11000, 12000]],
    ['An estimated 10,000-12,000 troops are there.', [10000, 12000]],
    ['Officials said 11,000–12,000 troops are in Kursk.', [11000, 12000]],
    ['Estimates run from 10 to 12 million shells.', [10_000_000, 12_000_000]],
  ])('reads a range as one figure: %s', (text, range) => {
    expect(figuresIn(text)).toEqual([range]);
  });

  it('reads a change "from X to Y" as two figures, not a range', () => {
    expect(figuresIn('The estimate rose from 3,000 to 10,000 troops.')).toEqual([
      [3000, 3000],
      [10000, 10000],
    ]);
  });

  it.each([
    'Hundreds of soldiers were seen.',
    'Tens of thousands of troops could follow.',
    'It shipped thousands of containers.',
    'Several thousand troops were moved.',
    'Dozens were wounded.',
  ])('leaves vague amounts alone: %s', (text) => {
    expect(figuresIn(text)).toEqual([]);
  });

  it.each([
    'The strike happened on October 3, 2024.',
    'It was reported on Oct. 18 at 10:30 a.m.',
    'Troops arrived in 2024.',
    'A 26-year-old soldier was captured.',
    'The soldier, aged 26, was captured.',
    'It supplied 170mm self-propelled guns and 240-mm launchers.',
    'The 11th Corps moved north.',
    'A third country could join.',
    'North Korea has one of the largest armies.',
    'Reading time: 2 min read',
    'The KN-23 missile has a range of hundreds of kilometres.',
    'Talks lasted two weeks.',
    'The two countries signed a pact.',
    'Call +82 2 1234 5678 for details.',
    'UN Resolution 2231 was cited.',
  ])('does not take %s for a figure', (text) => {
    expect(figuresIn(text)).toEqual([]);
  });

  it('keeps one claim per figure mention, in text order', () => {
    const claims = claimsIn('About 1,500 troops are there and 3,000 more could follow. Up to 10,000 may go.');
    expect(claims.map((c) => c.low)).toEqual([1500, 3000, 10000]);
  });
});
