import { SlashCommandBuilder } from 'discord.js';
import { searchClaims } from '../src/answers/search.js';
import type { Command } from './types.js';

export const search: Command = {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Search every claim’s sentence, best match first')
    .addStringOption((o) =>
      o
        .setName('query')
        .setDescription('Words to look for: "artillery shells", "Kursk"')
        .setRequired(true)
        .setMaxLength(200),
    ),
  execute: (input, { newsroom: { index } }) =>
    searchClaims(index, input.options.getString('query', true)!, input.guildId),
};
