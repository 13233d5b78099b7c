import { SlashCommandBuilder } from 'discord.js';
import { claimantChoices, topicChoices } from '../src/answers/choices.js';
import { findTopic } from '../src/answers/options.js';
import { answerExport } from '../src/export/claims-export.js';
import { askerOf } from '../src/settings/zone.js';
import type { Command } from './types.js';

/**
 * Any member may export what they can already see in answers, scoped to their server like every
 * answer: the file is theirs alone (ephemeral), so a channel is not filled with spreadsheets.
 */
export const exportCommand: Command = {
  data: new SlashCommandBuilder()
    .setName('export')
    .setDescription('A topic’s or a claimant’s claims as a CSV file, for a spreadsheet')
    .addStringOption((o) => o.setName('topic').setDescription('The topic').setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) =>
      o.setName('claimant').setDescription('Only this claimant').setAutocomplete(true).setMaxLength(100),
    )
    .addStringOption((o) =>
      o.setName('since').setDescription('Reported on or after this day (2024-11-01, "Nov 1")').setMaxLength(40),
    )
    .addStringOption((o) => o.setName('until').setDescription('Reported on or before this day').setMaxLength(40)),
  execute: async (input, { newsroom, now }) =>
    answerExport(
      newsroom.index,
      {
        topic: input.options.getString('topic'),
        claimant: input.options.getString('claimant'),
        since: input.options.getString('since'),
        until: input.options.getString('until'),
      },
      await askerOf(newsroom, input.guildId, now),
    ),
  autocomplete: (input, { newsroom: { index } }) => {
    if (input.focused.name === 'topic') return topicChoices(index, input.focused.value, input.guildId);
    const typed = input.options.getString('topic');
    const known = typed ? index.topics.find((t) => t.key === typed) : undefined;
    return claimantChoices(index, known?.key ?? null, input.focused.value, input.guildId);
  },
  knownValues: (option, guildId, { newsroom: { index } }) =>
    option === 'topic' ? (text) => findTopic(index, text, guildId) !== undefined : undefined,
};
