import type { TopicDef } from '../extract/index.js';
import { escapeMarkdown } from '../format/markdown.js';
import { plural } from '../format/numbers.js';
import type { StoredTopic, TopicChange } from '../store/topic-book.js';
import type { TopicSuggestion } from '../topics/suggest.js';
import type { TopicOutcome } from '../topics/topic-desk.js';
import { topicName } from '../topics/topic-set.js';
import type { Answer } from './answer.js';

const list = (words: readonly string[] | undefined) => (words?.length ? words.map(escapeMarkdown).join(', ') : '—');

function describe(topic: TopicDef): string[] {
  const story = topic.story ? [`Story: ${escapeMarkdown(topic.story)}`] : [];
  return [...story, `Counts: ${list(topic.units)}`, `About: ${list(topic.subjects)}`];
}

const VERB = { added: 'Added', edited: 'Changed', removed: 'Removed' } as const;

export function changedAnswer(outcome: TopicOutcome): Answer {
  const name = `\`${escapeMarkdown(topicName(outcome.topic))}\``;
  const moved = `${plural(outcome.moved, 'stored claim')} re-filed ${outcome.action === 'removed' ? 'out of it' : 'into or out of it'}; no alerts were sent for them.`;
  const next =
    outcome.action === 'removed'
      ? 'Its alert follows were removed with it.'
      : `Ask \`/topic name:${topicName(outcome.topic)}\`, or \`/alerts follow topic:${topicName(outcome.topic)}\` to be told of new figures.`;
  return {
    title: `${VERB[outcome.action]} topic ${escapeMarkdown(outcome.topic.label)}`,
    summary: `${name}: ${moved}\n${next}`,
    sections: outcome.action === 'removed' ? [] : [{ heading: 'Definition', lines: describe(outcome.topic) }],
  };
}

export function topicsAnswer(own: StoredTopic[], defaults: TopicDef[], changes: TopicChange[]): Answer {
  const stories = new Map<string, string[]>();
  for (const t of own) {
    const story = t.def.story ?? 'No story named';
    const line = `\`${escapeMarkdown(t.key)}\` ${escapeMarkdown(t.def.label)} · counts ${list(t.def.units)} · about ${list(t.def.subjects)}`;
    stories.set(story, [...(stories.get(story) ?? []), line]);
  }
  const defaultLines = defaults.map((t) => `\`${escapeMarkdown(topicName(t))}\` ${escapeMarkdown(t.label)}`);
  const last = changes[0];
  return {
    title: 'Topics',
    summary: own.length
      ? `${plural(own.length, 'topic')} of this server's own, beside the defaults.`
      : 'No topics of this server’s own yet: `/topics add` makes one, `/topics suggest` proposes some.',
    sections: [
      ...[...stories].map(([story, lines]) => ({ heading: escapeMarkdown(story), lines })),
      { heading: 'Defaults', lines: defaultLines },
    ].filter((s) => s.lines.length > 0),
    footer: last
      ? `Last change: ${last.action} ${last.key} by ${last.by}, ${last.at.slice(0, 16).replace('T', ' ')} UTC`
      : undefined,
  };
}

const quoted = (text: string) => `"${text.replace(/"/g, "'")}"`;

export function suggestionsAnswer(suggestions: TopicSuggestion[]): Answer {
  if (suggestions.length === 0)
    return {
      title: 'No topics to suggest',
      summary: 'Every recent figure this server sees is in a topic already, or no count repeats across articles yet.',
      sections: [],
      ephemeral: true,
    };
  return {
    title: 'Topics you could add',
    summary: 'Recent figures no topic takes, grouped by what they count and what they are about:',
    sections: suggestions.map((s) => ({
      heading: `${escapeMarkdown(s.label)} · ${plural(s.figures, 'figure')}`,
      lines: [
        `\`/topics add key:${s.key} label:${quoted(s.label)} units:${quoted(s.units.join(', '))} subjects:${quoted(s.subjects.join(', '))}\``,
        `e.g. “${escapeMarkdown(s.example.sentence.slice(0, 200))}” (#${s.example.id})`,
      ],
    })),
  };
}
