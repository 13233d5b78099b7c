import { describe, expect, it } from 'vitest';
import { claimsIn } from './support/extract.js';

/** The claimant of each figure, in text order. */
const claimantsOf = (text: string) =>
  claimsIn(text, { outlet: 'Harbour Post' })
    .filter((c) => c.low !== null)
    .map((c) => c.claimant);

describe('"the <noun>" finds the body the article named earlier with that noun or of that kind', () => {
  it('finds a ministry named in passing, by its country and field or by "ministry of"', () => {
    expect(
      claimantsOf("Libya's health ministry opened a field hospital in Derna.\n\nThe ministry said 40 people had died."),
    ).toEqual(['Libyan Health Ministry']);
    expect(
      claimantsOf('The Ministry of Health opened a field hospital on Monday.\n\nThe ministry said 40 people had died.'),
    ).toEqual(['Health Ministry']);
    expect(
      claimantsOf(
        "Libya's health ministry opened a field hospital.\n\nAccording to the ministry, 40 people had died, said a doctor.",
      ),
    ).toEqual(['Libyan Health Ministry']);
  });

  it('calls a company "the utility" or "the company", knowing it by the end of its name', () => {
    expect(
      claimantsOf('Hawaiian Electric shut off power on Tuesday.\n\nThe utility said 2,000 customers had no power.'),
    ).toEqual(['Hawaiian Electric']);
    expect(claimantsOf('Northwind Mining halted work at the pit.\n\nThe company said 12 workers were hurt.')).toEqual([
      'Northwind Mining',
    ]);
  });

  it('calls an authority "the agency" and a department, commission or army by its own noun', () => {
    expect(
      claimantsOf(
        'The Disaster and Emergency Management Authority (AFAD) sent teams to Hatay.\n\nThe agency said 900 rescuers were there.',
      ),
    ).toEqual(['AFAD']);
    expect(
      claimantsOf('The Ohio Department of Transportation closed the road.\n\nThe department said 30 cars were stuck.'),
    ).toEqual(['Ohio Department of Transportation']);
    expect(
      claimantsOf('The Federal Trade Commission opened an inquiry.\n\nThe commission said 300 complaints came in.'),
    ).toEqual(['Federal Trade Commission']);
    expect(claimantsOf("Sudan's army shelled the city.\n\nThe army said 50 fighters had been killed.")).toEqual([
      'Sudanese army',
    ]);
    expect(claimantsOf('The Greek fire service sent planes.\n\nThe service said 30 fires were burning.')).toEqual([
      'Greek fire service',
    ]);
  });

  it('takes the nearest of two bodies of the kind named in different sentences', () => {
    const text =
      'Hawaiian Electric sent crews.\n\nNorthwind Energy sent crews too.\n\nThe company said 2,000 customers had no power.';
    expect(claimantsOf(text)).toEqual(['Northwind Energy']);
  });

  it('tells two bodies apart by the word the description keeps', () => {
    const text =
      "Egypt's interior ministry posted a statement. Egypt's health ministry opened clinics.\n\n" +
      'The health ministry said 12 people died. The interior ministry said 30 were arrested.';
    expect(claimantsOf(text)).toEqual(['Egyptian Health Ministry', 'Egyptian Interior Ministry']);
  });

  it('credits "its spokesperson" to the body named before', () => {
    expect(
      claimantsOf('Hawaiian Electric shut off power.\n\nIts spokesperson said 2,000 customers had no power.'),
    ).toEqual(['Hawaiian Electric']);
  });
});

describe('a description with no clear antecedent names nobody', () => {
  it('names neither of two bodies of the kind named side by side', () => {
    expect(
      claimantsOf(
        'The health ministry and the interior ministry both sent teams.\n\nThe ministry said 40 people had died.',
      ),
    ).toEqual([null]);
    expect(
      claimantsOf(
        'Hawaiian Electric and Northwind Energy both sent crews.\n\nThe company said 2,000 homes had no power.',
      ),
    ).toEqual([null]);
  });

  it('names nobody when nothing of the kind was named before', () => {
    expect(claimantsOf('Rain fell all night.\n\nThe ministry said 40 people had died.')).toEqual([null]);
    expect(claimantsOf('Mr. Jones thanked the rescuers.\n\nThe company said 12 workers were hurt.')).toEqual([null]);
    expect(claimantsOf('Rain fell all night.\n\nIts spokesperson said 40 homes had flooded.')).toEqual([null]);
  });

  it('never reaches into another article', () => {
    expect(claimantsOf('Hawaiian Electric shut off power on Tuesday.')).toEqual([]);
    expect(claimantsOf('The utility said 2,000 customers had no power.')).toEqual([null]);
  });
});
