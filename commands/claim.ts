import { SlashCommandBuilder } from 'discord.js';
import { claimDetail } from '../src/answers/claim-detail.js';
import type { Command } from './types.js';

export const claim: Command = {
  data: new SlashCommandBuilder()
    .setName('claim')
    .setDescription('One claim in full, with every outlet that reported the same figure')
    .addIntegerOption((o) =>
      o.setName('id').setDescription('The claim number shown in brackets, like #42').setRequired(true).setMinValue(1),
    ),
  execute: (input, { newsroom: { index, store } }) =>
    claimDetail(index, input.options.getInteger('id', true)!, input.guildId, (id) => store.corrections.history(id)),
};
