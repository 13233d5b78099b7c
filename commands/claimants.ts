import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder as Sub,
} from 'discord.js';
import type { Answer } from '../src/answers/answer.js';
import { aliasClaimant, listClaimants, renameClaimant, splitClaimant } from '../src/claimants/claimant-desk.js';
import { claimantChangedAnswer, claimantsAnswer } from '../src/claimants/claimant-replies.js';
import { UserError } from '../src/errors.js';
import { scopeOf } from '../src/store/records.js';
import type { Command, CommandContext, CommandInput } from './types.js';

const nameOption = (s: Sub, description: string) =>
  s.addStringOption((o) => o.setName('name').setDescription(description).setRequired(true).setMaxLength(100));
const intoOption = (s: Sub, description: string) =>
  s.addStringOption((o) => o.setName('into').setDescription(description).setRequired(true).setMaxLength(100));

async function run(input: CommandInput, { newsroom, now }: CommandContext): Promise<Answer> {
  const request = {
    guildId: input.guildId,
    by: input.user ?? 'unknown',
    name: input.options.getString('name') ?? '',
    into: input.options.getString('into') ?? undefined,
  };
  switch (input.options.getSubcommand(true)) {
    case 'alias':
      return claimantChangedAnswer(await aliasClaimant(newsroom, request, now));
    case 'rename':
      return claimantChangedAnswer(await renameClaimant(newsroom, request, now));
    case 'split':
      return claimantChangedAnswer(await splitClaimant(newsroom, request, now));
    case 'list':
      return claimantsAnswer(
        listClaimants(newsroom, input.guildId),
        await newsroom.port.claimants.changes(scopeOf(input.guildId), 1),
      );
    default:
      throw new UserError('/claimants takes alias, rename, split or list.');
  }
}

export const claimants: Command = {
  moderator: true,
  data: new SlashCommandBuilder()
    .setName('claimants')
    .setDescription('Who the bot credits figures to: merge, rename, split, list')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      intoOption(
        nameOption(
          s.setName('alias').setDescription('File one name’s claims under another'),
          'The name to merge away, e.g. "CGT union"',
        ),
        'The name it is, e.g. "CGT"',
      ),
    )
    .addSubcommand((s) =>
      intoOption(
        nameOption(s.setName('rename').setDescription('Give a claimant a new name'), 'Its name now'),
        'Its new name',
      ),
    )
    .addSubcommand((s) =>
      nameOption(
        s.setName('split').setDescription('Undo the latest merge or rename of a name'),
        'The name that was merged away',
      ),
    )
    .addSubcommand((s) => s.setName('list').setDescription('Who the bot knows here, and how many figures each has')),
  execute: run,
};
