/**
 * What a command says, before it becomes a Discord message or console text (src/render.ts).
 * Text may use Discord markdown (**bold**, *italic*, [label](url)); anything quoted from an
 * article or a feed is escaped with escapeMarkdown first, so claim text cannot format or ping.
 */
export interface AnswerSection {
  heading: string;
  /** One entry a line, most important first; the renderer cuts the tail with "and N more". */
  lines: string[];
  /** Lines the answer left out before rendering (it lists the newest 50 of 9,000): counted in "and N more". */
  omitted?: number;
}

export interface Answer {
  title: string;
  /** A line or two under the title: the range across claimants, a summary, a hint. */
  summary?: string;
  sections: AnswerSection[];
  /** Small print: how many claims the answer draws on, what was filtered. */
  footer?: string;
  url?: string;
  /** Only the member who asked sees it: errors, empty results, suggestions. */
  ephemeral?: boolean;
  /** A picture under the text: an attached PNG in Discord, a file the console saves. */
  image?: AnswerImage;
  /** A file to download (an /export's CSV): attached in Discord, not shown in the embed; the console saves it. */
  file?: AnswerFile;
}

export interface AnswerImage {
  /** File name, also how the embed refers to it (attachment://name): letters, digits, - and . only. */
  name: string;
  data: Uint8Array;
  /** Alt text, for screen readers. */
  description: string;
}

export interface AnswerFile {
  /** File name as the member gets it: letters, digits, - and . only. */
  name: string;
  data: Uint8Array;
  description: string;
}

/** An autocomplete choice, as Discord takes it (name and value at most 100 characters). */
export interface Choice {
  name: string;
  value: string;
}
