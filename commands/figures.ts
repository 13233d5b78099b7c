import { SlashCommandBuilder } from 'discord.js';
import { claimantChoices, topicChoices } from '../src/answers/choices.js';
import { resolveTopic } from '../src/answers/options.js';
import { answerTopic } from '../src/answers/topic-summary.js';
import { chartOption, topicOptions } from './topic.js';
import type { Command } from './types.js';

/** Any topic's summary, for the topics that have no command of their own. */
export const figures: Command = {
  data: new SlashCommandBuilder()
    .setName('figures')
    .setDescription('Latest figures, changes and denials on any topic')
    .addStringOption((o) =>
      o.setName('topic').setDescription('The topic').setRequired(true).setAutocomplete(true).setMaxLength(100),
    )
    .addStringOption((o) =>
      o.setName('since').setDescription('Only what was reported since this date').setMaxLength(40),
    )
    .addStringOption((o) =>
      o.setName('claimant').setDescription('Only this claimant').setAutocomplete(true).setMaxLength(100),
    )
    .addBooleanOption(chartOption),
  execute: (input, { newsroom: { index }, now }) =>
    answerTopic(
      index,
      resolveTopic(index, input.options.getString('topic', true)!),
      topicOptions(input),
      input.guildId,
      now,
    ),
  autocomplete: (input, { newsroom: { index } }) => {
    if (input.focused.name === 'topic') return topicChoices(index, input.focused.value);
    const topic = input.options.getString('topic');
    const known = topic ? index.topics.find((t) => t.key === topic) : undefined;
    return claimantChoices(index, known?.key ?? null, input.focused.value);
  },
};
