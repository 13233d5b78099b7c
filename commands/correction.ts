import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
} from 'discord.js';
import type { Answer } from '../src/answers/answer.js';
import { type Corrector, fixClaim, markWrong } from '../src/corrections/correct.js';
import type { Command, CommandContext, CommandInput } from './types.js';

const idOption = (o: SlashCommandIntegerOption) =>
  o.setName('id').setDescription('The claim number, like 42 for #42').setRequired(true).setMinValue(1);

function run(input: CommandInput, { newsroom, now }: CommandContext): Promise<Answer> {
  const id = input.options.getInteger('id', true)!;
  const who: Corrector = {
    guildId: input.guildId,
    by: input.user ?? 'a moderator',
    note: input.options.getString('note'),
  };
  if (input.options.getSubcommand(true) === 'wrong') return markWrong(newsroom, id, who, now);
  const typed = {
    figure: input.options.getString('figure'),
    claimant: input.options.getString('claimant'),
    status: input.options.getString('status'),
    topic: input.options.getString('topic'),
  };
  return fixClaim(newsroom, id, typed, who, now);
}

const STATUSES = ['reported', 'projected', 'confirmed', 'denied', 'unverified'].map((s) => ({ name: s, value: s }));

/** Moderators correct the record: a claim's fields, or a claim marked wrong; posted alerts are edited to say so. */
export const correction: Command = {
  moderator: true,
  data: new SlashCommandBuilder()
    .setName('correction')
    .setDescription('Correct a claim, or mark it wrong; alerts it raised are edited with a correction line')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('fix')
        .setDescription('Correct a claim’s figure, claimant, status or topic')
        .addIntegerOption(idOption)
        .addStringOption((o) => o.setName('figure').setDescription('11,000, or 10,000-12,000').setMaxLength(40))
        .addStringOption((o) =>
          o.setName('claimant').setDescription('Who made the claim ("none" for unattributed)').setMaxLength(100),
        )
        .addStringOption((o) =>
          o
            .setName('status')
            .setDescription('reported, projected, confirmed, denied or unverified')
            .addChoices(...STATUSES),
        )
        .addStringOption((o) => o.setName('topic').setDescription('A topic key, like troops').setMaxLength(100))
        .addStringOption((o) => o.setName('note').setDescription('Why, for the record').setMaxLength(300)),
    )
    .addSubcommand((s) =>
      s
        .setName('wrong')
        .setDescription('Mark a claim wrong: hidden from answers, kept for the record, its alerts retracted')
        .addIntegerOption(idOption)
        .addStringOption((o) => o.setName('note').setDescription('Why, for the record').setMaxLength(300)),
    ),
  execute: run,
};
