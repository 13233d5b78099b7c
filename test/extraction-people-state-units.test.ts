import { describe, expect, it } from 'vitest';
import { claimsIn } from './support/extract.js';

// Sentences written for these tests.
const unitOf = (text: string) => claimsIn(text).find((c) => c.low !== null)?.unit;

describe('a count of people counts the state they are in', () => {
  it.each([
    ['About 300 people are feared dead after the landslide, the governor said.', 'deaths'],
    ['Officials said 12 residents were confirmed dead in the village.', 'deaths'],
    ['The Red Cross said 450 people were still missing.', 'missing'],
    ['More than 900 people remain unaccounted for, the county said.', 'missing'],
    ['The agency said 2,000 people had been displaced by the storm.', 'displaced'],
    ['At least 5,000 residents have been left homeless, the mayor said.', 'homeless'],
    ['Police said 61 people had been arrested during the night.', 'arrests'],
    ['The union said 14 officers were hurt in the clashes.', 'wounded'],
    ['The hospital said 20 patients have died since Monday.', 'deaths'],
  ])('%s counts %s', (text, unit) => {
    expect(unitOf(text)).toBe(unit);
  });

  it('keeps people who are only somewhere as people', () => {
    expect(unitOf('The town of 40,000 people sits in a valley.')).toBe('people');
    expect(unitOf('The ministry said 250,000 people would be vaccinated first.')).toBe('people');
  });
});
