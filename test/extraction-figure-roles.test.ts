import { describe, expect, it } from 'vitest';
import { claimsIn } from './support/extract.js';

// Sentences written for these tests: each is one shape of past figure, increment or side number.
const rolesIn = (text: string) => claimsIn(text).map((c) => [c.low, c.role]);
const asideIn = (text: string) => claimsIn(text).map((c) => [c.low, c.aside !== null]);

describe('a figure named as an earlier one is history', () => {
  it('reads "up from" and "down from" as the figure before', () => {
    expect(rolesIn('The ministry said 512 soldiers had died, up from 480 a week earlier.')).toEqual([
      [512, 'current'],
      [480, 'past'],
    ]);
    expect(rolesIn('Officials said 900 troops remained, down from about 1,200 in May.')).toEqual([
      [900, 'current'],
      [1200, 'past'],
    ]);
  });

  it('reads a previous estimate, a figure that was, and where a change started', () => {
    expect(rolesIn('The agency said its previous estimate of 8,000 troops was too low.')).toEqual([[8000, 'past']]);
    expect(rolesIn('The agency said the count was 6,500 troops a month ago.')).toEqual([[6500, 'past']]);
    expect(rolesIn('The agency raised its count from 4,000 to 9,000 troops.')).toEqual([
      [4000, 'past'],
      [9000, 'current'],
    ]);
    expect(rolesIn('The agency had previously put the force at 7,000 troops.')).toEqual([[7000, 'past']]);
    expect(rolesIn('The ministry said 900 soldiers had died, up from its March estimate of 450.')).toEqual([
      [900, 'current'],
      [450, 'past'],
    ]);
    expect(
      rolesIn('The number of soldiers guarding the base was about 800 in March, officials said, before most left.'),
    ).toEqual([[800, 'past']]);
  });

  it('keeps another claimant’s figure "compared with" as current, and one with a date as history', () => {
    expect(rolesIn('Police counted 40,000 marchers, compared with 95,000 claimed by the union.')).toEqual([
      [40000, 'current'],
      [95000, 'current'],
    ]);
    expect(rolesIn('Police counted 40,000 marchers, compared with 52,000 on March 3.')).toEqual([
      [40000, 'current'],
      [52000, 'past'],
    ]);
  });
});

describe('an addition is an increment, not a total', () => {
  it('reads more, additional, another, a further and grown by', () => {
    expect(rolesIn('The general said Pyongyang sent about 2,500 more troops.')).toEqual([[2500, 'increment']]);
    expect(rolesIn('The general said an additional 1,200 soldiers had landed.')).toEqual([[1200, 'increment']]);
    expect(rolesIn('The general said another 800 troops were on the way.')).toEqual([[800, 'increment']]);
    expect(rolesIn('The general said the force had grown by 700 soldiers.')).toEqual([[700, 'increment']]);
    expect(rolesIn('The general said the 900 were an additional contingent.')).toEqual([[900, 'increment']]);
  });

  it('leaves "more than" a hedge on a total', () => {
    const [claim] = claimsIn('The general said more than 5,000 troops were there.');
    expect(claim).toMatchObject({ low: 5000, role: 'current', hedge: 'more than' });
  });
});

describe('a number beside the story is set aside with its reason', () => {
  it('sets aside ages, one soldier, group sizes and compound words', () => {
    expect(asideIn('Of the captured men, one was 19 and the other was 31, the army said.')).toEqual([
      [19, true],
      [31, true],
    ]);
    expect(asideIn('The army said one North Korean soldier was killed near the village.')).toEqual([[1, true]]);
    expect(asideIn('The army said the troops advanced in groups of 10 to 12 men.')).toEqual([[10, true]]);
    expect(asideIn('A 14-nation panel said 4,000 troops were there.')).toEqual([
      [14, true],
      [4000, false],
    ]);
  });

  it('sets aside another country’s force, but not the story’s own', () => {
    const other = claimsIn(
      'The general said a force of about 40,000, mostly Russian, was gathering near Kursk alongside North Korean troops.',
    );
    expect(other[0]).toMatchObject({ low: 40000, aside: 'another country’s force' });
    const massed = claimsIn(
      'Russia has massed a force of about 30,000 near Kursk to fight beside the North Korean troops, the general said.',
    );
    expect(massed[0]).toMatchObject({ low: 30000, aside: 'another country’s force' });
    const own = claimsIn('The general said about 12,000 North Korean troops were near Kursk.');
    expect(own[0]).toMatchObject({ low: 12000, aside: null, role: 'current' });
  });
});
