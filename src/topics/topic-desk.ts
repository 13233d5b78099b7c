/**
 * /topics: a newsroom's own topics, per server. Each change is stored with who made it, the
 * stored claims are re-filed under the new set (no alerts: old figures are not news), and the
 * index is rebuilt from the store so every answer sees the change at once.
 */
import { UserError } from '../errors.js';
import { compileLexicon, type TopicDef } from '../extract/index.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { withStoredTopics } from '../newsroom/reload.js';
import { claimsForFiling, setClaimTopics } from '../store/claim-topics.js';
import { scopeOf } from '../store/records.js';
import { type StoredTopic, topicId } from '../store/topic-book.js';
import { type Move, refile } from './refile.js';
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

export function addTopic(newsroom: Newsroom, request: TopicChangeRequest, reserved: readonly string[], now: Date) {
  const key = topicKey(request.spec.key);
  const scope = scopeOf(request.guildId);
  const clash = topicsFor(newsroom.index.topics, request.guildId).find(
    (t) => topicName(t) === key || t.command === key,
  );
  if (clash?.scope === scope) throw new UserError(`${shownKey(key)} exists already: change it with /topics edit.`);
  if (clash)
    throw new UserError(`${shownKey(key)} is a default topic (${escapeMarkdown(clash.label)}): pick another key.`);
  if (reserved.includes(key)) throw new UserError(`${shownKey(key)} is a built-in command's name: pick another key.`);
  const def = newTopic(request.spec);
  return change(newsroom, scope, key, 'added', now, request.by, () =>
    newsroom.store.topics.put(scope, key, def, request.by, now),
  );
}

export function editTopic(newsroom: Newsroom, request: TopicChangeRequest, now: Date): TopicOutcome {
  const scope = scopeOf(request.guildId);
  const before = ownTopic(newsroom, scope, request.spec.key);
  const def = changedTopic(before.def, request.spec);
  return change(newsroom, scope, before.key, 'edited', now, request.by, () =>
    newsroom.store.topics.put(scope, before.key, def, request.by, now),
  );
}

export function removeTopic(newsroom: Newsroom, request: TopicChangeRequest, now: Date): TopicOutcome {
  const scope = scopeOf(request.guildId);
  const before = ownTopic(newsroom, scope, request.spec.key);
  const outcome = change(newsroom, scope, before.key, 'removed', now, request.by, () => {
    newsroom.store.topics.remove(scope, before.key);
    newsroom.store.routes.unfollowTopic(scope, before.def.key);
  });
  return { ...outcome, topic: before.def };
}

/** This server's own topics, and the defaults it sees beside them. */
export function listTopics(newsroom: Newsroom, guildId: string | null): { own: StoredTopic[]; defaults: TopicDef[] } {
  const scope = scopeOf(guildId);
  const own = newsroom.store.topics.all().filter((t) => t.scope === scope);
  const defaults = topicsFor(newsroom.index.topics, guildId).filter((t) => t.scope !== scope);
  return { own, defaults };
}

function ownTopic(newsroom: Newsroom, scope: string, typed: string): StoredTopic {
  const key = topicKey(typed);
  const topic = newsroom.store.topics.get(scope, key);
  if (topic) return topic;
  const isDefault = newsroom.lexiconData.topics.some((t) => t.key === key);
  throw new UserError(
    isDefault
      ? `${shownKey(key)} comes from the data files every server shares; add a topic of your own instead.`
      : `This server has no topic ${shownKey(key)}: /topics list shows them.`,
  );
}

/** Claims that moved into or out of the scope's topic. */
function movedFor(moves: readonly Move[], scope: string, key: string): number {
  const id = topicId(scope, key);
  return moves.filter((m) => m.topic === id || m.from === id).length;
}

/** Stores the change, re-files every claim under the new set, and rebuilds the index from the store. */
function change(
  newsroom: Newsroom,
  scope: string,
  key: string,
  action: TopicOutcome['action'],
  now: Date,
  by: string,
  write: () => void,
): TopicOutcome {
  const { store } = newsroom;
  let moves: Move[] = [];
  store.transaction(() => {
    write();
    moves = refile(claimsForFiling(store.db), compileLexicon(withStoredTopics(newsroom.lexiconData, store)));
    setClaimTopics(store.db, moves);
    store.topics.record(scope, { key, action, by, at: now.toISOString(), moved: movedFor(moves, scope, key) });
  });
  const lexicon = withStoredTopics(newsroom.lexiconData, store);
  newsroom.lexicon = compileLexicon(lexicon);
  newsroom.index.retopic(lexicon, moves);
  const moved = movedFor(moves, scope, key);
  const topic = store.topics.get(scope, key)?.def ?? { key, label: key, units: [], words: [] };
  return { action, topic, moved };
}
