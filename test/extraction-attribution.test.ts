import { describe, expect, it } from 'vitest';
import { claimsIn } from './support/extract.js';

const who = (text: string, index = 0) => {
  const claim = claimsIn(text, { outlet: 'Korea Herald' })[index]!;
  return { claimant: claim.claimant, via: claim.via };
};

describe('attribution: who claimed a figure and who relayed it', () => {
  it('credits the cited source and names the outlet that relayed it', () => {
    expect(
      who('According to Yonhap, citing the National Intelligence Service, the North formed four brigades of troops.'),
    ).toEqual({ claimant: 'NIS', via: 'Yonhap' });
  });

  it('reads "X said that" and "X told reporters"', () => {
    expect(who('The Pentagon said that about 10,000 troops were in eastern Russia.')).toEqual({
      claimant: 'Pentagon',
      via: null,
    });
    expect(who('Zelensky told reporters that 11,000 troops were in Kursk.')).toEqual({
      claimant: 'Zelenskyy',
      via: null,
    });
  });

  it('reads a trailing speaker and "as per"', () => {
    expect(who("About 3,000 troops have arrived, South Korea's spy agency said on Wednesday.")).toEqual({
      claimant: 'NIS',
      via: null,
    });
    expect(who('About 12,000 troops were deployed, as per South Korean intelligence sources.')).toEqual({
      claimant: 'NIS',
      via: null,
    });
  });

  it('credits an agency briefing relayed by a lawmaker to the agency, via the lawmaker', () => {
    const text =
      'Lee Seong-kweun told reporters after a closed-door briefing by the NIS that at least 100 soldiers had died.';
    expect(who(text)).toEqual({ claimant: 'NIS', via: 'Lee Seong-kweun' });
  });

  it('credits a person who speaks for an organisation to the organisation', () => {
    expect(who('Kremlin spokesman Dmitry Peskov said 10,000 troops was a made-up number.')).toMatchObject({
      claimant: 'Kremlin',
    });
    expect(who('Pentagon spokeswoman Sabrina Singh said about 10,000 troops were training.')).toMatchObject({
      claimant: 'Pentagon',
    });
  });

  it('resolves "the agency" and "he" to the entity named earlier in the article', () => {
    const text =
      "South Korea's intelligence agency briefed lawmakers on Friday.\n\nThe agency said 1,500 troops had arrived.\n\nZelenskyy spoke in Brussels. He said up to 10,000 soldiers could follow.";
    const claims = claimsIn(text);
    expect(claims.map((c) => c.claimant)).toEqual(['NIS', 'Zelenskyy']);
  });

  it('credits a quote to its speaker, named before or after it, and carries it to the next quote', () => {
    const text = '"We know of 10,000 soldiers," Zelenskyy told reporters. "They could move 2,000 more next week."';
    expect(claimsIn(text).map((c) => c.claimant)).toEqual(['Zelenskyy', 'Zelenskyy']);
  });

  it('keeps names the lexicon does not know, with titles taken off', () => {
    expect(who('Defense analyst Jane Moreau said about 2,000 troops had moved.')).toMatchObject({
      claimant: 'Jane Moreau',
    });
  });

  it('leaves an unattributed figure unattributed', () => {
    expect(who('With a force of 1.2 million troops, the North has a large army.')).toEqual({
      claimant: null,
      via: null,
    });
  });

  it('does not give the article its own outlet as a relayer', () => {
    expect(who('The NIS told the Korea Herald that 3,000 troops had arrived.')).toEqual({ claimant: 'NIS', via: null });
  });
});
