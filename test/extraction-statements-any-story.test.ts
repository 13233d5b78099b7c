import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../src/config.js';
import { compileLexicon, extractClaims, type Lexicon, parseArticle, type TopicDef } from '../src/extract/index.js';
import { loadLexicon } from '../src/newsroom/data-files.js';
import { claimsIn } from './support/extract.js';

// Sentences written for these tests; none of their stories is configured unless a test adds it.
const statements = (text: string) =>
  claimsIn(text)
    .filter((c) => c.low === null)
    .map((c) => [c.status, c.claimant]);

describe('a denial or a doubt is a statement on a story nobody configured', () => {
  it('reads a body rejecting, dismissing or calling false a claim as denied', () => {
    expect(statements('The port authority rejected reports that the ferry had been overloaded.')).toEqual([
      ['denied', 'Port Authority'],
    ]);
    expect(statements('The interior ministry dismissed the videos as fabrications.')).toEqual([
      ['denied', 'Interior Ministry'],
    ]);
    expect(statements('The fire service said the claims were not true.')).toEqual([['denied', 'fire service']]);
  });

  it('reads "could not verify" and "no evidence" as unverified, credited to whoever could not', () => {
    expect(statements('The Red Cross said it could not verify accounts of looting in the harbour district.')).toEqual([
      ['unverified', 'Red Cross'],
    ]);
    expect(statements('A spokesman said the Pentagon had seen no evidence of the drones crossing the border.')).toEqual(
      [['unverified', 'Pentagon']],
    );
    expect(statements('The Red Cross says it can’t verify the videos from the harbour.')).toEqual([
      ['unverified', 'Red Cross'],
    ]);
  });

  it('reads a body disowning a figure put in its name as a denial', () => {
    expect(statements('The Red Cross later said it had never issued that figure.')).toEqual([['denied', 'Red Cross']]);
  });

  it('makes no statement of ordinary negative sentences', () => {
    for (const text of [
      'Officials did not say when the road would reopen.',
      'No one was hurt in the blast, the fire service said.',
      'The ministry declined to comment on the reports.',
      'The governor did not deny the reports.',
      'The senate rejected the bill on Tuesday.',
      'The town lies on the coast, the mayor said.',
      'The mayor was dismissed by the council on Monday.',
      'The journalist was denied entry at the border, the ministry said.',
      'Police said the cause of the fire was not yet known.',
    ])
      expect(statements(text), text).toEqual([]);
  });

  it('keeps no denial that nobody makes, on a story nobody configured', () => {
    expect(statements('The claims were baseless.')).toEqual([]);
  });

  it('credits no doubt to a speaker of a later clause', () => {
    const text =
      'Officials in the port said 40 passengers had drowned.\n\nThe figures could not be verified independently, and officials gave no further detail.';
    expect(statements(text)).toEqual([]);
  });
});

const ferryDeaths: TopicDef = {
  key: 'ferry-deaths',
  label: 'Deaths in the ferry sinking',
  units: ['deaths', 'dead', 'died', 'bodies'],
  words: [],
  subjects: ['ferry', 'harbour', 'sinking'],
};
const ferryMissing: TopicDef = {
  key: 'ferry-missing',
  label: 'Passengers missing after the ferry sinking',
  units: ['missing'],
  words: [],
  subjects: ['ferry', 'harbour', 'sinking'],
};
const shipped: Lexicon = loadLexicon(DATA_DIR);
const withFerry = compileLexicon({ ...shipped, topics: [...shipped.topics, ferryDeaths, ferryMissing] });
const statementTopics = (text: string) =>
  extractClaims(parseArticle(text), withFerry)
    .filter((c) => c.low === null)
    .map((c) => [c.status, c.topic]);

describe('a statement files under the topic it is about, or under none', () => {
  it('files a denial that names what a topic counts under it, and one about the cause under none', () => {
    expect(statementTopics('The coast guard denied that bodies had been left in the harbour.')).toEqual([
      ['denied', 'ferry-deaths'],
    ]);
    expect(statementTopics('The coast guard rejected claims that the ferry had sailed without a permit.')).toEqual([
      ['denied', null],
    ]);
  });

  it('prefers what the sentence names last: "the missing had died" is about deaths', () => {
    expect(
      statementTopics('The coast guard said it could not confirm whether the missing from the ferry had died.'),
    ).toEqual([['unverified', 'ferry-deaths']]);
    expect(
      statementTopics('The coast guard said it could not confirm how many of the ferry’s dead were still missing.'),
    ).toEqual([['unverified', 'ferry-missing']]);
  });

  it('reads what the statement’s own clause names, not a later clause', () => {
    expect(
      statementTopics(
        'The coast guard said it had no evidence that bodies were left in the harbour, although it stressed that some passengers were still missing.',
      ),
    ).toEqual([['unverified', 'ferry-deaths']]);
  });

  it('gives "dismissed the reports" and "the figures" the topic of the figures the article just gave', () => {
    const text =
      'Ferry sinking\n\nSurvivors said 40 people were missing after the ferry sank. The coast guard dismissed the reports as exaggerated.\n\nThe port authority put the number of dead at 12. The coast guard said it could not verify the figures.';
    expect(statementTopics(text)).toEqual([
      ['denied', 'ferry-missing'],
      ['unverified', 'ferry-deaths'],
    ]);
  });

  it('gives "the reports" far from any figure the topic most of the article’s figures file under', () => {
    const text =
      'Ferry sinking\n\nThe port authority said 12 people had died. Survivors said 30 people had died.\n\nThe coast guard said 45 were still missing.\n\nWhat has the coast guard said?\n\nLittle. The coast guard dismissed the reports as exaggerated.';
    expect(statementTopics(text)).toEqual([['denied', 'ferry-deaths']]);
  });
});
