import { SlashCommandBuilder } from 'discord.js';
import { claimantChoices, topicChoices } from '../src/answers/choices.js';
import { findTopic, resolveTopic } from '../src/answers/options.js';
import { answerTopic } from '../src/answers/topic-summary.js';
import { askerOf } from '../src/settings/zone.js';
import { chartOption, topicOptions } from './topic-shortcut.js';
import type { Command } from './types.js';

/** Any topic this server sees, its own included: /troops and the like are shortcuts for the seeded ones. */
export const topic: Command = {
  data: new SlashCommandBuilder()
    .setName('topic')
    .setDescription('Latest figures, changes and denials on any topic')
    .addStringOption((o) =>
      o.setName('name').setDescription('The topic').setRequired(true).setAutocomplete(true).setMaxLength(100),
    )
    .addStringOption((o) =>
      o.setName('since').setDescription('Only what was reported since this date').setMaxLength(40),
    )
    .addStringOption((o) =>
      o.setName('claimant').setDescription('Only this claimant').setAutocomplete(true).setMaxLength(100),
    )
    .addBooleanOption(chartOption),
  execute: async (input, { newsroom, now }) =>
    answerTopic(
      newsroom.index,
      resolveTopic(newsroom.index, input.options.getString('name', true)!, input.guildId),
      topicOptions(input),
      await askerOf(newsroom, input.guildId, now),
    ),
  autocomplete: (input, { newsroom: { index } }) => {
    if (input.focused.name === 'name') return topicChoices(index, input.focused.value, input.guildId);
    const typed = input.options.getString('name');
    const known = typed ? index.topics.find((t) => t.key === typed) : undefined;
    return claimantChoices(index, known?.key ?? null, input.focused.value, input.guildId);
  },
  knownValues: (option, guildId, { newsroom: { index } }) =>
    option === 'name' ? (text) => findTopic(index, text, guildId) !== undefined : undefined,
};
