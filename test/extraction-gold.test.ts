import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../src/config.js';
import { evaluate, loadGoldDir } from '../src/eval/gold.js';
import { scores } from '../src/eval/score.js';
import { loadLexicon } from '../src/newsroom/data-files.js';

const gold = loadGoldDir(join(DATA_DIR, '..', 'test', 'gold'));

describe('extraction measured against the hand-labelled gold set', () => {
  it('has a gold set of at least 15 articles and 100 figure claims to measure with', () => {
    expect(gold.length).toBeGreaterThanOrEqual(15);
    expect(gold.reduce((n, g) => n + g.claims.length, 0)).toBeGreaterThanOrEqual(100);
  });

  it('keeps figure F1 at or above 0.90 and claimant accuracy at or above 0.85', () => {
    const { total } = evaluate(gold, loadLexicon(DATA_DIR));
    const s = scores(total);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.claimant).toBeGreaterThanOrEqual(0.85);
  });
});
