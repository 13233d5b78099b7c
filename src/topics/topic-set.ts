import type { TopicDef } from '../extract/index.js';
import { scopeOf } from '../store/records.js';

/** The topics a server sees: the files', the console's, and its own. */
export function topicsFor(topics: readonly TopicDef[], guildId: string | null): TopicDef[] {
  const scope = scopeOf(guildId);
  return topics.filter((t) => t.scope === undefined || t.scope === '' || t.scope === scope);
}

/** What a topic is called where it is typed: the name it was given, or the files' key. */
export const topicName = (topic: TopicDef): string => topic.name ?? topic.key;
