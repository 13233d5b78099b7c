import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder as Sub,
} from 'discord.js';
import type { Answer } from '../src/answers/answer.js';
import { changedAnswer, suggestionsAnswer, topicsAnswer } from '../src/answers/topic-replies.js';
import { UserError } from '../src/errors.js';
import { scopeOf } from '../src/store/records.js';
import { suggestTopics } from '../src/topics/suggest.js';
import { addTopic, editTopic, listTopics, removeTopic } from '../src/topics/topic-desk.js';
import type { TopicSpec } from '../src/topics/topic-spec.js';
import type { Command, CommandContext, CommandInput } from './types.js';

const keyOption = (s: Sub, description: string) =>
  s.addStringOption((o) => o.setName('key').setDescription(description).setRequired(true).setMaxLength(32));

const definitionOptions = (s: Sub, required: boolean) =>
  s
    .addStringOption((o) =>
      o
        .setName('label')
        .setDescription('What answers call it, e.g. "Deaths in the Derna floods"')
        .setRequired(required)
        .setMaxLength(100),
    )
    .addStringOption((o) =>
      o
        .setName('units')
        .setDescription('What it counts, comma-separated: "deaths, dead, bodies"')
        .setRequired(required)
        .setMaxLength(1500),
    )
    .addStringOption((o) =>
      o
        .setName('subjects')
        .setDescription('What the story is about, comma-separated: "Derna, Libya, floods, Storm Daniel"')
        .setRequired(required)
        .setMaxLength(1500),
    )
    .addStringOption((o) =>
      o.setName('story').setDescription('The story it belongs to, e.g. "Derna floods"').setMaxLength(100),
    );

const specOf = (input: CommandInput): TopicSpec => ({
  key: input.options.getString('key', true)!,
  label: input.options.getString('label'),
  units: input.options.getString('units'),
  subjects: input.options.getString('subjects'),
  story: input.options.getString('story'),
});

async function run(input: CommandInput, { newsroom, commands, now }: CommandContext): Promise<Answer> {
  const request = { guildId: input.guildId, by: input.user ?? 'unknown', spec: { key: '' } as TopicSpec };
  switch (input.options.getSubcommand(true)) {
    case 'add':
      return changedAnswer(
        await addTopic(
          newsroom,
          { ...request, spec: specOf(input) },
          commands.map((c) => c.data.name),
          now,
        ),
      );
    case 'edit':
      return changedAnswer(await editTopic(newsroom, { ...request, spec: specOf(input) }, now));
    case 'remove':
      return changedAnswer(await removeTopic(newsroom, { ...request, spec: specOf(input) }, now));
    case 'list': {
      const { own, defaults } = await listTopics(newsroom, input.guildId);
      return topicsAnswer(own, defaults, await newsroom.port.topics.changes(scopeOf(input.guildId), 1));
    }
    case 'suggest':
      return suggestionsAnswer(suggestTopics(newsroom.index, input.guildId));
    default:
      throw new UserError('/topics takes add, edit, remove, list or suggest.');
  }
}

export const topics: Command = {
  moderator: true,
  data: new SlashCommandBuilder()
    .setName('topics')
    .setDescription('This server’s own topics: add, edit, remove, list, suggest')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      definitionOptions(
        keyOption(
          s.setName('add').setDescription('Follow a new story’s figures; stored claims are re-filed'),
          'A short key, e.g. "flood-deaths"',
        ),
        true,
      ),
    )
    .addSubcommand((s) =>
      definitionOptions(
        keyOption(s.setName('edit').setDescription('Change a topic; stored claims are re-filed'), 'The topic’s key'),
        false,
      ),
    )
    .addSubcommand((s) =>
      keyOption(s.setName('remove').setDescription('Remove a topic and its alert follows'), 'The topic’s key'),
    )
    .addSubcommand((s) => s.setName('list').setDescription('This server’s topics and the defaults'))
    .addSubcommand((s) => s.setName('suggest').setDescription('Topics to add, from recent figures that fall in none')),
  execute: run,
};
