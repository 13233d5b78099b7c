import { describe, expect, it } from 'vitest';
import { compileLexicon, extractClaims, type Lexicon, parseArticle, type TopicDef } from '../src/extract/index.js';
import { lexicon as shipped } from './support/extract.js';

const floodDeaths: TopicDef = {
  key: 'flood-deaths',
  label: 'Deaths in the Derna floods',
  units: ['deaths', 'dead', 'bodies'],
  words: [],
  subjects: ['Derna', 'flood', 'floods', 'Storm Daniel'],
};
const withFlood = (topics: TopicDef[]) =>
  compileLexicon({ entities: [], topics: [...shipped.topics, ...topics] } as Lexicon);

const topicsOf = (text: string, topics: TopicDef[] = []) =>
  extractClaims(parseArticle(text), withFlood(topics)).map((c) => [c.low, c.topic]);

describe('a figure files under the story it is about, or under none', () => {
  it('keeps an earthquake’s death toll out of the war’s casualties, though both count deaths', () => {
    expect(topicsOf('The earthquake in Turkey killed more than 41,000 people, officials said.')).toEqual([
      [41000, null],
    ]);
  });

  it('files a toll whose sentence names the story’s subject under that story', () => {
    expect(topicsOf('In Derna, 11,300 people were killed, the Red Crescent said.', [floodDeaths])).toEqual([
      [11300, 'flood-deaths'],
    ]);
  });

  it('places a figure by the article’s title when its own sentence does not name the story', () => {
    const text = 'Floods in Libya: the count rises\n\nOfficials said 3,840 bodies had been recovered so far.';
    expect(topicsOf(text, [floodDeaths])).toEqual([[3840, 'flood-deaths']]);
  });

  it('prefers the topic whose subject the sentence itself names', () => {
    const text =
      'North Korean troops and the Derna floods\n\nIn Derna, 5,000 bodies were buried. Six North Korean soldiers were killed in Kursk.';
    expect(topicsOf(text, [floodDeaths])).toEqual([
      [5000, 'flood-deaths'],
      [6, 'casualties'],
    ]);
  });

  it('lets a topic with no subjects file by what the figure counts alone', () => {
    const anyShells: TopicDef = { key: 'shells', label: 'Shells', units: ['shells'], words: [] };
    const lexicon = compileLexicon({ entities: [], topics: [anyShells] } as Lexicon);
    expect(extractClaims(parseArticle('About 4,000 shells landed on Monday.'), lexicon)[0]?.topic).toBe('shells');
  });

  it('takes a figure-less denial under the topic its subjects name', () => {
    const text = 'Officials in Derna denied that any bodies had been left in the streets after the floods.';
    expect(topicsOf(text, [floodDeaths])).toEqual([[null, 'flood-deaths']]);
  });
});
