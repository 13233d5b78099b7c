import { SlashCommandBuilder } from 'discord.js';
import { helpAnswer } from '../src/answers/help.js';
import type { Command } from './types.js';

export const help: Command = {
  data: new SlashCommandBuilder().setName('help').setDescription('What claimwatch can tell you, and how to ask'),
  execute: (_input, { commands }) => helpAnswer(commands.map((c) => c.data.toJSON())),
};
