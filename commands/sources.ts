import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js';
import type { Answer } from '../src/answers/answer.js';
import { UserError } from '../src/errors.js';
import { addFeedSource, addFolderSource } from '../src/polling/add-source.js';
import { listSources, pauseSource, removeSource, resumeSource, sourceStatus } from '../src/polling/manage.js';
import { topicKeys } from '../src/polling/naming.js';
import {
  addedAnswer,
  listAnswer,
  ownSourceChoices,
  pausedAnswer,
  removedAnswer,
  resumedAnswer,
  statusAnswer,
} from '../src/polling/source-replies.js';
import type { Command, CommandContext, CommandInput } from './types.js';

const nameOption = (o: SlashCommandStringOption) =>
  o
    .setName('name')
    .setDescription('One of this server’s sources, as /sources list names it')
    .setRequired(true)
    .setAutocomplete(true)
    .setMaxLength(100);

// A scheme makes it an address; without one, only the console may mean a folder on its machine.
const looksLikeAddress = (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text.trim());

async function add(input: CommandInput, { newsroom, now }: CommandContext): Promise<Answer> {
  const name = input.options.getString('name', true)!;
  const url = input.options.getString('url', true)!;
  const topics = topicKeys(newsroom.index, input.options.getString('topics'), input.guildId);
  if (input.guildId === null && !looksLikeAddress(url))
    return addedAnswer(await addFolderSource(newsroom, { name, path: url, topics }, now));
  return addedAnswer(await addFeedSource(newsroom, { guildId: input.guildId, name, url, topics }, now));
}

async function run(input: CommandInput, context: CommandContext): Promise<Answer> {
  const { newsroom, now } = context;
  const name = () => input.options.getString('name', true)!;
  switch (input.options.getSubcommand(true)) {
    case 'add':
      return add(input, context);
    case 'list':
      return listAnswer(await listSources(newsroom, input.guildId), input.guildId);
    case 'remove':
      return removedAnswer(await removeSource(newsroom, input.guildId, name(), now));
    case 'pause':
      return pausedAnswer(await pauseSource(newsroom, input.guildId, name()));
    case 'resume':
      return resumedAnswer(await resumeSource(newsroom, input.guildId, name()));
    case 'status':
      return statusAnswer(await sourceStatus(newsroom, input.guildId, name()), input.guildId);
    default:
      throw new UserError('/sources takes add, list, remove, pause, resume or status.');
  }
}

export const sources: Command = {
  moderator: true,
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The feeds this server follows: add, list, pause, resume, remove, status')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Follow a news feed (RSS, Atom or JSON Feed); its current items are indexed without alerts')
        .addStringOption((o) =>
          o
            .setName('name')
            .setDescription('What to call it here, e.g. "Yonhap English"')
            .setRequired(true)
            .setMaxLength(100),
        )
        .addStringOption((o) =>
          o.setName('url').setDescription('The feed’s address, https://…').setRequired(true).setMaxLength(2000),
        )
        .addStringOption((o) =>
          o
            .setName('topics')
            .setDescription('Comma-separated topics it covers, e.g. "troops, casualties"; all if left out')
            .setMaxLength(500),
        ),
    )
    .addSubcommand((s) =>
      s.setName('list').setDescription('This server’s sources and the defaults, with any that are paused or failing'),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Stop following a source; the claims it brought stay')
        .addStringOption(nameOption),
    )
    .addSubcommand((s) =>
      s.setName('pause').setDescription('Stop polling a source until it is resumed').addStringOption(nameOption),
    )
    .addSubcommand((s) =>
      s.setName('resume').setDescription('Poll a paused source again, from the next poll').addStringOption(nameOption),
    )
    .addSubcommand((s) =>
      s
        .setName('status')
        .setDescription('When a source was last read, its last error and next poll')
        .addStringOption(nameOption),
    ),
  execute: run,
  // Members who may not manage sources are offered none of the names.
  autocomplete: (input, { newsroom }) =>
    input.moderator ? ownSourceChoices(newsroom, input.guildId, input.focused.value) : [],
};
