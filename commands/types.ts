import type { Answer, Choice } from '../src/answer.js';
import type { ClaimIndex } from '../src/claim-index.js';

/** The options of one invocation: discord.js's resolver or the console's parsed line. */
export interface OptionReader {
  getString(name: string, required?: boolean): string | null;
  getInteger(name: string, required?: boolean): number | null;
  getBoolean(name: string, required?: boolean): boolean | null;
  getSubcommand(required?: boolean): string | null;
}

export interface CommandInput {
  commandName: string;
  /** The server it was asked in; null for a DM or the console, which see the defaults only. */
  guildId: string | null;
  options: OptionReader;
}

export interface AutocompleteInput extends CommandInput {
  focused: { name: string; value: string };
}

/** What every command may read: the index, the registry (for /help) and the time of asking. */
export interface CommandContext {
  index: ClaimIndex;
  commands: readonly Command[];
  now: Date;
}

/** The JSON Discord takes for a slash command, as SlashCommandBuilder#toJSON gives it. */
export interface CommandJSON {
  name: string;
  description: string;
  options?: OptionJSON[];
  default_member_permissions?: string | null;
}

export interface OptionJSON {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  options?: OptionJSON[];
}

export interface Command {
  data: { name: string; description: string; toJSON(): CommandJSON };
  execute(input: CommandInput, context: CommandContext): Answer | Promise<Answer>;
  autocomplete?(input: AutocompleteInput, context: CommandContext): Choice[];
}
