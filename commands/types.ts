import type { SlashCommandBooleanOption } from 'discord.js';
import type { Answer, Choice } from '../src/answers/answer.js';
import type { CommandJSON } from '../src/format/usage.js';
import type { Newsroom } from '../src/newsroom/newsroom.js';

export type BooleanOption = SlashCommandBooleanOption;
export type { CommandJSON, OptionJSON } from '../src/format/usage.js';

/** The options of one invocation: discord.js's resolver or the console's parsed line. */
export interface OptionReader {
  getString(name: string, required?: boolean): string | null;
  getInteger(name: string, required?: boolean): number | null;
  getBoolean(name: string, required?: boolean): boolean | null;
  getSubcommand(required?: boolean): string | null;
  /** A channel option: discord.js resolves the channel, the console takes a name or id as given. */
  getChannel(name: string, required?: boolean): { id: string } | null;
}

export interface CommandInput {
  commandName: string;
  /** The server it was asked in; null for a DM or the console, which see the defaults only. */
  guildId: string | null;
  options: OptionReader;
  /**
   * May change sources and alert routes: Manage Server (or MOD_ROLE_ID) in Discord, checked on
   * our side too; the console's operator always may.
   */
  moderator: boolean;
  /** Who asked, for the record of what moderators change: the member's name, or "console". */
  user?: string;
}

/** Discord resolves no channels while a member is still typing. */
export interface AutocompleteInput extends Omit<CommandInput, 'options'> {
  options: Omit<OptionReader, 'getChannel'>;
  focused: { name: string; value: string };
}

/** What every command may read: the newsroom (its index, and what moderators change), the registry (for /help), the time of asking. */
export interface CommandContext {
  newsroom: Newsroom;
  commands: readonly Command[];
  now: Date;
}

export interface Command {
  /** Moderators only: registered with Manage Server as the default permission, and checked again here. */
  moderator?: boolean;
  data: { name: string; description: string; toJSON(): CommandJSON };
  execute(input: CommandInput, context: CommandContext): Answer | Promise<Answer>;
  autocomplete?(input: AutocompleteInput, context: CommandContext): Choice[] | Promise<Choice[]>;
  /**
   * For an option whose values the server knows (a topic), whether a text is a whole one: the
   * console then reads a label of several words without quotes. Undefined for any other option.
   */
  knownValues?(
    option: string,
    guildId: string | null,
    context: CommandContext,
  ): ((text: string) => boolean) | undefined;
}
