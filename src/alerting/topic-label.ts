import { escapeMarkdown } from '../format/markdown.js';
import type { ClaimIndex } from '../index/claim-index.js';

/** A topic by label, with its key for typing; a key topics.json no longer has is shown as is. */
export function topicName(index: ClaimIndex, key: string): string {
  const topic = index.topics.find((t) => t.key === key);
  return topic ? `${escapeMarkdown(topic.label)} (\`${key}\`)` : `\`${key}\` (no longer a topic)`;
}
