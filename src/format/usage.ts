/** A slash command's shape as Discord takes it, and how it reads as a usage line: /help and the console share it. */

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

/** Discord's ApplicationCommandOptionType numbers, without importing discord.js. */
export const SUB_COMMAND = 1,
  SUB_COMMAND_GROUP = 2;

/** "/troops [since] [claimant]"; required options in <angle brackets>, one line per subcommand. */
export function usageOf(command: CommandJSON): string {
  const declared = command.options ?? [];
  if (!declared.some(isSubcommandLike)) return usageLine(`/${command.name}`, declared);
  return declared
    .flatMap((o) =>
      o.type === SUB_COMMAND_GROUP
        ? (o.options ?? []).map((s) => ({ head: `${o.name} ${s.name}`, s }))
        : [{ head: o.name, s: o }],
    )
    .map(({ head, s }) => usageLine(`/${command.name} ${head}`, s.options ?? []))
    .join('\n');
}

export function usageLine(head: string, options: readonly OptionJSON[]): string {
  return [head, ...options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`))].join(' ');
}

export function isSubcommandLike(option: OptionJSON): boolean {
  return option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP;
}
