import { SlashCommandBuilder } from 'discord.js';
import { claimDetail } from '../src/answers/claim-detail.js';
import { claimNumber } from '../src/answers/options.js';
import { zoneOf } from '../src/settings/zone.js';
import { scopeOf } from '../src/store/records.js';
import type { Command } from './types.js';

export const claim: Command = {
  data: new SlashCommandBuilder()
    .setName('claim')
    .setDescription('One claim in full, with every outlet that reported the same figure')
    .addStringOption((o) =>
      o
        .setName('id')
        .setDescription('The claim number shown in brackets: 42 or #42')
        .setRequired(true)
        .setMaxLength(30),
    ),
  execute: async (input, { newsroom }) => {
    const id = claimNumber(input.options.getString('id', true)!);
    const history = await newsroom.port.corrections.history(id);
    return claimDetail(
      newsroom.index,
      id,
      input.guildId,
      () => history,
      await zoneOf(newsroom, scopeOf(input.guildId)),
    );
  },
};
