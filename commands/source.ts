import { SlashCommandBuilder } from 'discord.js';
import { sourceChoices } from '../src/answers/choices.js';
import { sourceProfile } from '../src/answers/source-profile.js';
import type { Command } from './types.js';

export const source: Command = {
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription('What one source claimed and what it relayed, newest first')
    .addStringOption((o) =>
      o
        .setName('name')
        .setDescription('An agency, government, person or outlet: "yonhap", "nis"')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(100),
    ),
  execute: (input, { newsroom: { index } }) =>
    sourceProfile(index, input.options.getString('name', true)!, input.guildId),
  autocomplete: (input, { newsroom: { index } }) => sourceChoices(index, input.focused.value, input.guildId),
};
