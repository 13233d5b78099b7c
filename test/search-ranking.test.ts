import { describe, expect, it } from 'vitest';
import { editDistance, letterSet, lettersWithin } from '../src/index/spelling.js';
import { TextSearch } from '../src/index/text-search.js';
import { tokenize } from '../src/index/tokens.js';

/** A search over these sentences, claim ids from 1 in order; `hidden` ids are not the asker's to see. */
function searchOver(sentences: string[], hidden: ReadonlySet<number> = new Set()) {
  const text = new TextSearch();
  sentences.forEach((sentence, i) => {
    text.add(i + 1, tokenize(sentence));
  });
  text.trim();
  return (query: string, limit = 10) =>
    text.search(query, limit, (id) => !hidden.has(id)).map((hit) => sentences[hit.id - 1]!);
}

const many = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));

describe('search ranking', () => {
  it('corrects a typo to the word many claims hold, not to a rare word just as close', () => {
    const search = searchOver([
      ...many(20, (i) => `Pyongyang shipped ${i + 2} million artillery shells to Russia.`),
      'Fighting was reported near Sheels village.',
      'Sheels was shelled overnight.',
    ]);
    const top = search('artilery shels', 5);
    expect(top).toHaveLength(5);
    for (const sentence of top) expect(sentence).toMatch(/artillery shells/);
  });

  it('prefers the exact word to longer words that begin with it', () => {
    const search = searchOver([
      'An intelligence serviceman said troops moved.',
      'The intelligence service said 3,000 troops arrived.',
      'Servicemen from the North were seen.',
    ]);
    expect(search('intelligence service')[0]).toBe('The intelligence service said 3,000 troops arrived.');
    expect(search('service')).toEqual(['The intelligence service said 3,000 troops arrived.']);
  });

  it('completes a word only when no claim holds it as typed', () => {
    const search = searchOver(['Troops reached Kursk.', 'Kursky street was closed.', 'Nothing else.']);
    expect(search('kurs')).toEqual(expect.arrayContaining(['Troops reached Kursk.', 'Kursky street was closed.']));
    expect(search('kursk')).toEqual(['Troops reached Kursk.']);
  });

  it('of two corrections equally close, gives the more common one more weight', () => {
    const search = searchOver([
      'The solders repaired the radio.',
      ...many(6, (i) => `About ${1000 * (i + 1)} soldiers crossed the river.`),
    ]);
    const top = search('soldeirs', 7);
    expect(top.slice(0, 6).every((s) => s.includes('soldiers'))).toBe(true);
    expect(top[6]).toBe('The solders repaired the radio.');
  });

  it('ranks claims holding every query word above many that hold only the common one', () => {
    const search = searchOver([
      ...many(3, (i) => `North Korean troops were seen near Kursk on day ${i}.`),
      ...many(50, (i) => `Troops moved on day ${i}.`),
      'Kursk was quiet.',
    ]);
    const top = search('kursk troops', 4);
    expect(top.slice(0, 3).every((s) => s.includes('Kursk') && s.includes('troops'))).toBe(true);
    expect(top[3]).toBe('Kursk was quiet.');
  });

  it('fills the hits from claims the asker may see when better ones are hidden', () => {
    const sentences = [
      ...many(5, (i) => `Troops were seen near Kursk, report ${i}.`),
      ...many(30, (i) => `Troops moved, report ${i}.`),
    ];
    const hidden = new Set([1, 2, 3, 4, 5]);
    const top = searchOver(sentences, hidden)('kursk troops', 3);
    expect(top).toEqual(['Troops moved, report 29.', 'Troops moved, report 28.', 'Troops moved, report 27.']);
  });

  it('never corrects a number to another number', () => {
    const search = searchOver(['About 13,000 troops arrived.', 'About 12,000 troops arrived.']);
    expect(search('12,000')).toEqual(['About 12,000 troops arrived.']);
    expect(search('14000')).toEqual([]);
  });

  it('finds nothing for words far from every word the claims hold', () => {
    const search = searchOver(['About 12,000 troops arrived in Kursk.']);
    expect(search('qzxvwk plorbnyx')).toEqual([]);
  });
});

describe('search pruning', () => {
  it('finds the same top ten as scoring every claim would, over many random queries', () => {
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const vocabulary = Array.from({ length: 60 }, (_, i) => `w${i}x`);
    // Skewed: the first words are in most claims, the last in a few.
    const draw = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)]!;
    const claims = Array.from(
      { length: 2000 },
      () => new Set(Array.from({ length: 3 + Math.floor(random() * 6) }, draw)),
    );
    const text = new TextSearch();
    claims.forEach((words, i) => {
      text.add(i + 1, [...words]);
    });
    const df = new Map(vocabulary.map((w) => [w, claims.filter((c) => c.has(w)).length]));
    for (let q = 0; q < 200; q++) {
      const query = [...new Set(Array.from({ length: 2 + Math.floor(random() * 3) }, draw))];
      const scored = claims
        .map((words, i) => ({
          id: i + 1,
          score: query
            .filter((w) => words.has(w))
            .reduce((sum, w) => sum + Math.log(1 + claims.length / df.get(w)!), 0),
        }))
        .filter((h) => h.score > 0)
        .sort((a, b) => b.score - a.score || b.id - a.id)
        .slice(0, 10);
      const got = text.search(query.join(' '), 10, () => true);
      expect(got.map((h) => h.id)).toEqual(scored.map((h) => h.id));
    }
  });
});

describe('edit distance', () => {
  it('counts a swap of neighbouring letters as one edit and stops past the limit', () => {
    expect(editDistance('soldeirs', 'soldiers', 2)).toBe(1);
    expect(editDistance('artilery', 'artillery', 2)).toBe(1);
    expect(editDistance('shels', 'shells', 1)).toBe(1);
    expect(editDistance('kursk', 'minsk', 1)).toBe(2);
  });

  it('never rules out by letters a word that is within the edits allowed, over many random typos', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const letters = 'abcdefghijklmnopqrstuvwxyzéö';
    const letter = () => letters[Math.floor(random() * letters.length)]!;
    const edit = (word: string) => {
      const at = Math.floor(random() * word.length);
      const kind = Math.floor(random() * 4);
      if (kind === 0) return word.slice(0, at) + letter() + word.slice(at);
      if (kind === 1 && word.length > 1) return word.slice(0, at) + word.slice(at + 1);
      if (kind === 2) return word.slice(0, at) + letter() + word.slice(at + 1);
      return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
    };
    let ruledOut = 0;
    for (let n = 0; n < 3000; n++) {
      const word = Array.from({ length: 3 + Math.floor(random() * 9) }, letter).join('');
      const typo = Array.from({ length: 1 + Math.floor(random() * 2) }).reduce<string>((w) => edit(w), word);
      const distance = editDistance(word, typo, 2);
      if (distance <= 2) expect(lettersWithin(letterSet(word), letterSet(typo), distance)).toBe(true);
      // Words far apart are mostly ruled out by their letters alone, which is what makes the test worth it.
      const other = Array.from({ length: word.length }, letter).join('');
      if (!lettersWithin(letterSet(word), letterSet(other), 2)) ruledOut++;
    }
    expect(ruledOut).toBeGreaterThan(1500);
  });
});
