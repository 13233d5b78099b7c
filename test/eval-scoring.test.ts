import { describe, expect, it } from 'vitest';
import { nameMatcher } from '../src/eval/gold.js';
import { countMatches, type GoldClaim, sameSentence, scores } from '../src/eval/score.js';

const claim = (over: Partial<GoldClaim>): GoldClaim => ({
  sentence: 'The NIS said 1,500 troops arrived.',
  low: 1500,
  high: 1500,
  hedge: null,
  status: 'reported',
  claimant: 'NIS',
  via: null,
  ...over,
});

describe('scoring predictions against gold', () => {
  it('matches a claim when sentence and figure agree, however the sentence was cut', () => {
    expect(sameSentence('The NIS said 1,500 troops arrived.', 'Seoul — The NIS said 1,500 troops arrived')).toBe(true);
    expect(sameSentence('The NIS said 1,500 troops arrived.', 'Zelenskyy spoke in Brussels.')).toBe(false);
  });

  it('counts a wrong figure as both a miss and a false alarm', () => {
    const s = scores(countMatches([claim({})], [claim({ low: 1600, high: 1600 })]));
    expect(s).toMatchObject({ recall: 0, precision: 0, f1: 0 });
  });

  it('scores attribution only over matched figures', () => {
    const counts = countMatches(
      [claim({}), claim({ low: 3000, high: 3000 })],
      [claim({ claimant: 'Pentagon' }), claim({ low: 3000, high: 3000 })],
    );
    expect(scores(counts)).toMatchObject({ f1: 1, claimant: 0.5 });
  });

  it('matches each prediction to one gold claim at most', () => {
    const counts = countMatches([claim({}), claim({})], [claim({})]);
    expect(counts).toMatchObject({ gold: 2, predicted: 1, matched: 1 });
  });

  it('takes a country’s name, its possessive and its demonym before a body for one name', () => {
    const same = nameMatcher({}, []);
    expect(same('Sudanese Health Ministry', 'Sudan Health Ministry')).toBe(true);
    expect(same("Sudan's Health Ministry", 'Sudanese Health Ministry')).toBe(true);
    expect(same('Sudanese Health Ministry', 'Chad Health Ministry')).toBe(false);
  });
});
