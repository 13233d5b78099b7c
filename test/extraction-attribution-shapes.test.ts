import { describe, expect, it } from 'vitest';
import { compileLexicon, extractClaims, type Lexicon, parseArticle } from '../src/extract/index.js';
import { claimsIn } from './support/extract.js';

/** Claimant, via and speaker of each figure, in text order. */
const attributed = (text: string) =>
  claimsIn(text, { outlet: 'Harbour Post' })
    .filter((c) => c.low !== null)
    .map((c) => ({ figure: c.low, claimant: c.claimant, via: c.via, speaker: c.speaker }));

const claimantsOf = (text: string) => attributed(text).map((c) => c.claimant);

describe('a body the lexicon does not know is still the claimant, under a clean name', () => {
  it('takes the acronym a body is introduced with and finds it again by acronym or "the agency"', () => {
    const text =
      "Chile's National Disaster Prevention and Response Service (SENAPRED) said 131 people had died in the fires.\n\n" +
      'SENAPRED added that 1,600 homes had burned. The agency said 370 people were missing.';
    expect(claimantsOf(text)).toEqual(['SENAPRED', 'SENAPRED', 'SENAPRED']);
  });

  it('names a body known only by its description, with its country as an adjective', () => {
    expect(claimantsOf("Greece's fire service said 18 bodies had been found near Alexandroupolis.")).toEqual([
      'Greek fire service',
    ]);
    expect(claimantsOf('Officials in Evros said 60 people had been evacuated.')).toEqual(['Evros officials']);
  });

  it('reads "according to the most recent X data" and "police had already counted"', () => {
    expect(claimantsOf('According to the most recent UNICEF data, 2,300 children were out of school.')).toEqual([
      'UNICEF',
    ]);
    expect(claimantsOf('In Lisbon, police had already counted 40,000 marchers by noon.')).toEqual([
      'Portuguese police',
    ]);
  });

  it('never makes a claimant of a pronoun, a bare title or a fragment', () => {
    expect(claimantsOf('He said 300 people had been hurt.')).toEqual([null]);
    expect(claimantsOf('The spokesman said 41 people were arrested.')).toEqual([null]);
    expect(claimantsOf('Intelligence is hard to come by, but 500 troops have moved.')).toEqual([null]);
    expect(claimantsOf('Legislators said 2,000 houses had been damaged.')).toEqual([null]);
    expect(claimantsOf('Both ministries said 90 people were hurt.')).toEqual([null]);
  });

  it('credits money a body gives to the body: pledges, approvals and appeals', () => {
    expect(claimantsOf('The Asian Development Bank has approved $400 million for reconstruction.')).toEqual([
      'Asian Development Bank',
    ]);
    expect(claimantsOf('UNICEF launched an emergency appeal for $20 million on Friday.')).toEqual(['UNICEF']);
  });

  it('reads "a June report by X" as X’s report, the month naming no one', () => {
    expect(attributed('A June report by the Coastal Monitoring Group said 300 boats had sunk.')).toEqual([
      { figure: 300, claimant: 'Coastal Monitoring Group', via: null, speaker: null },
    ]);
  });

  it('credits material to whoever released it, not to the material', () => {
    expect(claimantsOf('Footage released by the Kenya Red Cross shows 70 homes swept away.')).toEqual([
      'Kenya Red Cross',
    ]);
  });

  it('gives a participle after a trailing "X said" to X, not to the sentence’s first noun', () => {
    expect(
      claimantsOf(
        'About 400 volunteers are now in the valley, Mayor Ana Ruiz said on Monday, warning that more rain is due.',
      ),
    ).toEqual(['Ana Ruiz']);
  });

  it('keeps a capitalised document word that is part of a name ("the Irish Geological Survey")', () => {
    expect(claimantsOf('The quake measured 5.1 according to the Irish Geological Survey.')).toEqual([
      'Irish Geological Survey',
    ]);
  });

  it('keeps a long name joined by "and" whole ("Centres for Disease Control and Prevention")', () => {
    expect(claimantsOf('The Asian Centres for Flood Control and Recovery said 900 villages were under water.')).toEqual(
      ['Asian Centres for Flood Control and Recovery'],
    );
  });

  it('files "the CGT", "CGT" and "the CGT union" under one name', () => {
    const text =
      'The CGT said 2 million people marched.\n\nThe CGT union said 500,000 marched in Paris. CGT leaders said 80 marches took place.';
    expect(new Set(claimantsOf(text))).toEqual(new Set(['CGT']));
  });
});

describe('a speaker who relays an agency files the figure under the agency', () => {
  it('a lawmaker briefed by the agency', () => {
    expect(attributed('Rep. Kim Byung-joo, briefed by the NIS, said about 2,000 more troops had arrived.')).toEqual([
      { figure: 2000, claimant: 'NIS', via: 'Kim Byung-joo', speaker: null },
    ]);
  });

  it('a person who tells reporters what the agency said', () => {
    const text =
      "South Korea's spy agency briefed lawmakers on Monday.\n\nKang Dae-sik told reporters the agency had counted 500 deaths.";
    expect(attributed(text)).toEqual([{ figure: 500, claimant: 'NIS', via: 'Kang Dae-sik', speaker: null }]);
  });

  it('a minister speaks for the ministry, and is kept as the speaker', () => {
    expect(attributed('Health Minister Ana Costa said 52 people had died in Portugal.')).toEqual([
      { figure: 52, claimant: 'Portuguese Health Ministry', via: null, speaker: 'Ana Costa' },
    ]);
  });

  it('a spokeswoman with no body in her title speaks for the body just named', () => {
    expect(
      attributed(
        'The Kenya Red Cross raised its estimate on Monday. Spokeswoman Maria Lopez said 40 people were missing.',
      ),
    ).toEqual([{ figure: 40, claimant: 'Kenya Red Cross', via: null, speaker: 'Maria Lopez' }]);
  });

  it('an unnamed official speaks for the body the phrase names', () => {
    expect(claimantsOf('A senior Pentagon official said 11,000 North Korean troops were in Kursk.')).toEqual([
      'Pentagon',
    ]);
  });
});

describe('headlines and carried context', () => {
  it('places a bare "mayor says" in a headline by the town the line opens with', () => {
    expect(claimantsOf('Valletta flood toll reaches 40, mayor says\n\nThe rain went on.')).toEqual(['Valletta mayor']);
    expect(claimantsOf('The flood toll reaches 40, mayor says\n\nThe rain went on.')).toEqual([null]);
  });

  it('a place before a headline’s colon is where it happened; the tail says who', () => {
    expect(claimantsOf('Malawi: 240 cholera deaths this year, UNICEF says\n\nClinics are full.')).toEqual(['UNICEF']);
  });

  it('reads "Name: figure" and "figure, Name says" headlines', () => {
    expect(claimantsOf('Budanov: 12 thousand North Korean soldiers now in Kursk\n\nThe fighting went on.')).toEqual([
      'HUR',
    ]);
    expect(claimantsOf('Wildfire deaths pass 80, Evros officials say\n\nSmoke hung over the valley.')).toEqual([
      'Evros officials',
    ]);
    expect(claimantsOf('Up to 15,000 North Korean troops in Kursk: Zelensky\n\nNo more was said.')).toEqual([
      'Zelenskyy',
    ]);
  });

  it('carries the paragraph’s last speaker to a figure with no cue of its own', () => {
    const text =
      'Pentagon officials briefed reporters on Tuesday. About 2,000 troops had moved south, they said, and 400 more were on trains.';
    expect(claimantsOf(text)).toEqual(['Pentagon', 'Pentagon']);
  });

  it('does not carry a speaker into the next paragraph', () => {
    expect(claimantsOf('The Pentagon said 3,000 troops had moved.\n\nThe town has 3,000 residents.')).toEqual([
      'Pentagon',
      null,
    ]);
  });

  it('confirms the figures a next sentence confirms, keeping their claimant', () => {
    const [claim] = claimsIn('The NIS said 1,500 troops had arrived. Kirby confirmed this on Friday.');
    expect(claim).toMatchObject({ claimant: 'NIS', status: 'confirmed' });
  });

  it('follows "the report added" to the body whose report it is', () => {
    const text =
      'A World Bank assessment put the damage at $34.2 billion. The report added that 1.25 million people were homeless.';
    expect(claimantsOf(text)).toEqual(['World Bank', 'World Bank']);
  });
});

describe('two sources in one sentence', () => {
  it('gives each figure its own clause’s speaker', () => {
    for (const joint of ['while', 'although', 'but']) {
      expect(claimantsOf(`Police counted 45,000 marchers, ${joint} the CFDT claimed 120,000.`)).toEqual([
        'police',
        'CFDT',
      ]);
    }
    expect(
      claimantsOf('The ministry of health counts 1,347 dead, compared with 1,970 reported by the Red Cross.'),
    ).toEqual(['Health Ministry', 'Red Cross']);
  });
});

describe('an outlet relays; it is not the claimant', () => {
  it('a broadcaster reporting on its own is via, with no claimant', () => {
    expect(attributed('About 90 people were rescued overnight, public broadcaster NHK reported.')).toEqual([
      { figure: 90, claimant: null, via: 'NHK', speaker: null },
    ]);
  });

  it('a speaker who told reporters somewhere has no outlet relaying', () => {
    expect(
      attributed(
        'Mark Doyle, a spokesman for the Coast Guard, told reporters in Valletta that 40 people were missing.',
      ),
    ).toEqual([{ figure: 40, claimant: 'Coast Guard', via: null, speaker: 'Mark Doyle' }]);
  });

  it('an outlet citing a body passes on the body’s figure', () => {
    expect(attributed('Yonhap reported 300 deaths, citing a military intelligence report.')).toEqual([
      { figure: 300, claimant: 'military intelligence', via: 'Yonhap', speaker: null },
    ]);
    expect(
      attributed(
        'Data from the interior ministry shared with the Financial Times indicates that 24,000 died in Hatay.',
      )[0],
    ).toMatchObject({
      via: 'Financial Times',
    });
  });
});

describe('smaller shapes', () => {
  it('reads "according to the latest update from", an exact alias with a title, and a capital', () => {
    expect(claimantsOf('According to the latest update from the NIS, 3,000 troops arrived.')).toEqual(['NIS']);
    expect(claimantsOf('Pentagon officials said 8,000 troops had moved to Kursk.')).toEqual(['Pentagon']);
    expect(claimantsOf('Seoul said 1,500 troops had left.')).toEqual(['South Korean presidential office']);
  });

  it('keeps a leader’s claim about his own country his', () => {
    expect(claimantsOf('Zelenskyy said Ukraine had recorded 4,000 North Korean losses.')).toEqual(['Zelenskyy']);
  });

  it('treats a country that recorded cases as the place, not the speaker', () => {
    expect(claimantsOf('Congo has recorded 15,600 cases this year, Health Minister Roger Kamba said.')).toEqual([
      'Congolese Health Ministry',
    ]);
  });
});

describe('a spokesperson’s role on the claim’s date', () => {
  const lexicon: Lexicon = {
    topics: [],
    entities: [
      { name: 'Agency A', kind: 'agency', aliases: [] },
      { name: 'Agency B', kind: 'agency', aliases: [] },
      {
        name: 'Jo Park',
        kind: 'person',
        aliases: ['Park'],
        for: [
          { body: 'Agency A', to: '2024-12-31' },
          { body: 'Agency B', from: '2025-01-01' },
        ],
      },
    ],
  };
  const claimant = (date: string) =>
    extractClaims(parseArticle('Jo Park said 400 people had left.', { date }), compileLexicon(lexicon))[0]?.claimant;

  it('files the claim under the body the person spoke for then', () => {
    expect(claimant('2024-06-01')).toBe('Agency A');
    expect(claimant('2025-06-01')).toBe('Agency B');
  });
});
