import { type EntityMatcher, entityMatcher } from './entities.js';
import { type CompiledTopic, compileTopics } from './topic-filing.js';
import type { Lexicon, TopicDef } from './types.js';
import { type UnitLexicon, unitLexicon } from './units.js';

/** The lexicon with its patterns built once, so extraction does no set-up per article. */
export interface CompiledLexicon {
  entities: EntityMatcher;
  units: UnitLexicon;
  topics: TopicDef[];
  filing: CompiledTopic[];
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  return {
    entities: entityMatcher(lexicon.entities),
    units: unitLexicon(lexicon.topics),
    topics: lexicon.topics,
    filing: compileTopics(lexicon.topics),
  };
}
