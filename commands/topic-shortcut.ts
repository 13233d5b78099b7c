import { SlashCommandBuilder } from 'discord.js';
import { claimantChoices } from '../src/answers/choices.js';
import { answerTopic } from '../src/answers/topic-summary.js';
import type { TopicDef } from '../src/extract/index.js';
import { askerOf } from '../src/settings/zone.js';
import type { BooleanOption, Command, CommandInput } from './types.js';

export const chartOption = (o: BooleanOption) =>
  o.setName('chart').setDescription('Attach the timeline chart (default: yes)');

/** The options every topic answer takes, read the same way for /troops and /figures. */
export const topicOptions = (input: CommandInput) => ({
  since: input.options.getString('since'),
  claimant: input.options.getString('claimant'),
  chart: input.options.getBoolean('chart'),
});

/** /troops, /casualties, ...: one command per topic that data/topics.json gives a command name. */
export function topicCommand(topic: TopicDef & { command: string }): Command {
  return {
    data: new SlashCommandBuilder()
      .setName(topic.command)
      .setDescription(`Latest figures, changes and denials: ${topic.label}`.slice(0, 100))
      .addStringOption((o) =>
        o
          .setName('since')
          .setDescription('Only what was reported since this date (2024-11-01, "Nov 1", "yesterday")')
          .setMaxLength(40),
      )
      .addStringOption((o) =>
        o.setName('claimant').setDescription('Only this claimant').setAutocomplete(true).setMaxLength(100),
      )
      .addBooleanOption(chartOption),
    execute: async (input, { newsroom, now }) =>
      answerTopic(newsroom.index, topic, topicOptions(input), await askerOf(newsroom, input.guildId, now)),
    autocomplete: (input, { newsroom: { index } }) =>
      claimantChoices(index, topic.key, input.focused.value, input.guildId),
  };
}
