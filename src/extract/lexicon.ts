import { type EntityMatcher, entityMatcher } from './entities.js';
import { escapeRegExp } from './regexp.js';
import type { Lexicon, TopicDef } from './types.js';
import { type UnitLexicon, unitLexicon } from './units.js';

/** The lexicon with its patterns built once, so extraction does no set-up per article. */
export interface CompiledLexicon {
  entities: EntityMatcher;
  units: UnitLexicon;
  topics: TopicDef[];
  topicWords: Array<{ key: string; pattern: RegExp }>;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  return {
    entities: entityMatcher(lexicon.entities),
    units: unitLexicon(lexicon.topics),
    topics: lexicon.topics,
    topicWords: lexicon.topics.map((topic) => ({
      key: topic.key,
      pattern: new RegExp(`\\b(?:${topic.words.map(escapeRegExp).join('|')})\\b`, 'i'),
    })),
  };
}

/** The first topic whose words the sentence uses: for statements with no figure. */
export function topicForWords(sentence: string, lexicon: CompiledLexicon): string | null {
  return lexicon.topicWords.find(({ pattern }) => pattern.test(sentence))?.key ?? null;
}
