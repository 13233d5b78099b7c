/**
 * /topics: a newsroom's own topics, per server. Each change is stored with who made it, the
 * stored claims are re-filed under the new set (no alerts: old figures are not news), and the
 * index is rebuilt from the store so every answer sees the change at once.
 */
import { UserError } from '../errors.js';
import type { TopicDef } from '../extract/index.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { scopeOf } from '../store/records.js';
import { type StoredTopic, topicId } from '../store/topic-book.js';
import { applyTopicChange } from './topic-change.js';
import { topicName, topicsFor } from './topic-set.js';
import { changedTopic, newTopic, type TopicSpec, topicKey } from './topic-spec.js';

export interface TopicChangeRequest {
  guildId: string | null;
  /** Who asked, for the record. */
  by: string;
  spec: TopicSpec;
}

export interface TopicOutcome {
  action: 'added' | 'edited' | 'removed';
  topic: TopicDef;
  /** Stored claims that moved into or out of the topic. */
  moved: number;
}

const shownKey = (key: string) => `\`${escapeMarkdown(key)}\``;

export async function addTopic(
  newsroom: Newsroom,
  request: TopicChangeRequest,
  reserved: readonly string[],
  now: Date,
): Promise<TopicOutcome> {
  const key = topicKey(request.spec.key);
  const scope = scopeOf(request.guildId);
  const clash = topicsFor(newsroom.index.topics, request.guildId).find(
    (t) => topicName(t) === key || t.command === key,
  );
  if (clash?.scope === scope) throw new UserError(`${shownKey(key)} exists already: change it with /topics edit.`);
  if (clash)
    throw new UserError(`${shownKey(key)} is a default topic (${escapeMarkdown(clash.label)}): pick another key.`);
  if (reserved.includes(key)) throw new UserError(`${shownKey(key)} is a built-in command's name: pick another key.`);
  return change(newsroom, request, scope, key, 'added', newTopic(request.spec), now);
}

export async function editTopic(newsroom: Newsroom, request: TopicChangeRequest, now: Date): Promise<TopicOutcome> {
  const scope = scopeOf(request.guildId);
  const before = await ownTopic(newsroom, scope, request.spec.key);
  return change(newsroom, request, scope, before.key, 'edited', changedTopic(before.def, request.spec), now);
}

export async function removeTopic(newsroom: Newsroom, request: TopicChangeRequest, now: Date): Promise<TopicOutcome> {
  const scope = scopeOf(request.guildId);
  const before = await ownTopic(newsroom, scope, request.spec.key);
  const outcome = await change(newsroom, request, scope, before.key, 'removed', null, now);
  return { ...outcome, topic: before.def };
}

/** This server's own topics, and the defaults it sees beside them. */
export async function listTopics(
  newsroom: Newsroom,
  guildId: string | null,
): Promise<{ own: StoredTopic[]; defaults: TopicDef[] }> {
  const scope = scopeOf(guildId);
  const own = (await newsroom.port.topics.all()).filter((t) => t.scope === scope);
  const defaults = topicsFor(newsroom.index.topics, guildId).filter((t) => t.scope !== scope);
  return { own, defaults };
}

async function ownTopic(newsroom: Newsroom, scope: string, typed: string): Promise<StoredTopic> {
  const key = topicKey(typed);
  const topic = await newsroom.port.topics.get(scope, key);
  if (topic) return topic;
  const isDefault = newsroom.lexiconData.topics.some((t) => t.key === key);
  throw new UserError(
    isDefault
      ? `${shownKey(key)} comes from the data files every server shares; add a topic of your own instead.`
      : `This server has no topic ${shownKey(key)}: /topics list shows them.`,
  );
}

/** Stores the change with the stored claims re-filed under the new set of topics, and says how many moved. */
async function change(
  newsroom: Newsroom,
  request: TopicChangeRequest,
  scope: string,
  key: string,
  action: TopicOutcome['action'],
  def: Omit<TopicDef, 'key'> | null,
  now: Date,
): Promise<TopicOutcome> {
  const { port } = newsroom;
  const at = now.toISOString();
  const moved = await applyTopicChange(newsroom, {
    scope,
    key,
    def,
    write: async () => {
      if (def) await port.topics.put(scope, key, def, request.by, now);
      else {
        await port.topics.remove(scope, key);
        await port.routes.unfollowTopic(scope, topicId(scope, key));
      }
    },
    record: (n) => port.topics.record(scope, { key, action, by: request.by, at, moved: n }),
  });
  const topic = (await port.topics.get(scope, key))?.def ?? { key, label: key, units: [], words: [] };
  return { action, topic, moved };
}
