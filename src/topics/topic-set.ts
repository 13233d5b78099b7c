import type { Lexicon, TopicDef } from '../extract/index.js';
import { scopeOf } from '../store/records.js';
import type { Store } from '../store/store.js';

/** The files' lexicon with every topic newsrooms added by command after the files' own. */
export function withStoredTopics(lexicon: Lexicon, store: Store): Lexicon {
  return { ...lexicon, topics: [...lexicon.topics, ...store.topics.all().map((t) => t.def)] };
}

/** The topics a server sees: the files', the console's, and its own. */
export function topicsFor(topics: readonly TopicDef[], guildId: string | null): TopicDef[] {
  const scope = scopeOf(guildId);
  return topics.filter((t) => t.scope === undefined || t.scope === '' || t.scope === scope);
}

/** What a topic is called where it is typed: the name it was given, or the files' key. */
export const topicName = (topic: TopicDef): string => topic.name ?? topic.key;
