/**
 * An Answer as a Discord message (renderPayload, toReplyOptions) or as console text
 * (renderText). Pure: no discord.js, no I/O, so `cli ask --json` prints exactly what the
 * bot would send. Long answers are cut to Discord's limits, never rejected.
 */

import type { Answer, AnswerFile, AnswerImage, AnswerSection } from '../answers/answer.js';
import { unescapeMarkdown } from '../format/markdown.js';
import { clean, fitText, isBlank, LIMITS, more, oneLine, PLACEHOLDER, packLines } from './fit.js';

/** MessageFlags.Ephemeral: only the member who asked sees the reply. */
export const EPHEMERAL = 64;
/** One colour for every answer, so the bot's replies are recognisable in a busy channel. */
export const EMBED_COLOR = 0x2f6fb3;

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

/** The part of Discord's embed object the renderer uses, snake_case as the REST API takes it. */
export interface EmbedJSON {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: EmbedField[];
  image?: { url: string };
  footer?: { text: string };
}

/** A message body for Discord's REST API (and what `cli ask --json` prints). */
export interface DiscordPayload {
  content?: string;
  embeds: EmbedJSON[];
  allowed_mentions: { parse: [] };
  flags?: number;
}

/** The same message as discord.js's interaction.reply()/editReply() take it. */
export interface ReplyOptions {
  content?: string;
  embeds: EmbedJSON[];
  allowedMentions: { parse: [] };
  flags?: number;
  files?: Array<{ attachment: Buffer; name: string; description: string }>;
}

const FOOTER_SEPARATOR = ' · ';

export function renderPayload(answer: Answer): DiscordPayload {
  // Claim text quotes people; an "@everyone" in a quote must never ping.
  const payload: DiscordPayload = { embeds: [renderEmbed(answer)], allowed_mentions: { parse: [] } };
  if (answer.ephemeral) payload.flags = EPHEMERAL;
  return payload;
}

/**
 * The reply discord.js sends; the answer's image goes as a file the embed shows (attachment://name),
 * its file (an export) as a plain attachment beside it.
 */
export function toReplyOptions(payload: DiscordPayload, image?: AnswerImage, file?: AnswerFile): ReplyOptions {
  const { content, embeds, flags } = payload;
  const files = [image, file]
    .filter((f) => f !== undefined)
    .map((f) => ({ attachment: Buffer.from(f.data), name: f.name, description: f.description }));
  return {
    ...(content === undefined ? {} : { content }),
    embeds,
    allowedMentions: { parse: [] },
    ...(flags === undefined ? {} : { flags }),
    ...(files.length > 0 ? { files } : {}),
  };
}

/**
 * Budget order: title, summary, sections, footer. The footer is promised at most half of what
 * the title and summary leave, so neither fields nor footer can starve the other, and it gets
 * whatever the fields did not use.
 */
function renderEmbed(answer: Answer): EmbedJSON {
  const title = fitText(oneLine(answer.title), LIMITS.title) || PLACEHOLDER;
  const summary = clean(answer.summary);
  const description = isBlank(summary) ? undefined : fitText(summary, LIMITS.description);
  const room = LIMITS.total - title.length - (description?.length ?? 0);

  const footer = clean(answer.footer);
  const noticeRoom = FOOTER_SEPARATOR.length + more(answer.sections.length, ' sections').length;
  const footerRoom = Math.min(footer.length, Math.floor(room / 2)) + noticeRoom;
  const { fields, used } = renderFields(answer.sections, room - footerRoom);

  const footerText = renderFooter(footer, answer.sections.length - fields.length, room - used);
  const url = validUrl(answer.url);
  return {
    title,
    ...(description === undefined ? {} : { description }),
    ...(url === undefined ? {} : { url }),
    color: EMBED_COLOR,
    ...(fields.length > 0 ? { fields } : {}),
    ...(answer.image ? { image: { url: `attachment://${answer.image.name}` } } : {}),
    ...(footerText === undefined ? {} : { footer: { text: footerText } }),
  };
}

/** Sections in order until the field count or the budget runs out; the rest are counted in the footer. */
function renderFields(sections: readonly AnswerSection[], budget: number): { fields: EmbedField[]; used: number } {
  const fields: EmbedField[] = [];
  let used = 0;
  for (const section of sections) {
    if (fields.length === LIMITS.fields) break;
    const name = fitText(oneLine(section.heading), LIMITS.fieldName) || PLACEHOLDER;
    const max = Math.min(LIMITS.fieldValue, budget - used - name.length);
    const value = packLines(section.lines.map(clean), max, section.omitted ?? 0);
    if (value === undefined) break;
    fields.push({ name, value });
    used += name.length + value.length;
  }
  return { fields, used };
}

function renderFooter(footer: string, droppedSections: number, room: number): string | undefined {
  const notice = droppedSections > 0 ? more(droppedSections, ' sections') : '';
  const noticeLength = notice === '' ? 0 : notice.length + FOOTER_SEPARATOR.length;
  const small = isBlank(footer) ? '' : fitText(footer, Math.min(LIMITS.footer, room) - noticeLength);
  const text = [small, notice].filter((part) => part !== '').join(FOOTER_SEPARATOR);
  return text === '' ? undefined : text;
}

/** Discord rejects the whole message over a malformed embed URL, so a bad one is left out. */
function validUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.length > 2048) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Console text: everything, uncut, with markdown taken out. Ephemeral answers look the same. */
export function renderText(answer: Answer): string {
  const head = [answer.title, answer.summary].filter(present).map(plain).join('\n');
  const sections = answer.sections.map((section) =>
    [
      plain(section.heading),
      ...section.lines.map((line) => `  - ${plain(line).replace(/\n/g, '\n    ')}`),
      ...(section.omitted ? [`  ${more(section.omitted)}`] : []),
    ].join('\n'),
  );
  const tail = [...[answer.footer].filter(present).map(plain), ...[answer.url].filter(present)].join('\n');
  return [head, ...sections, tail].filter((block) => !isBlank(block)).join('\n\n');
}

const present = (text: string | undefined): text is string => text !== undefined && !isBlank(text);

/**
 * Escapes are matched first and kept, so escaped quote text ("\*\*") is not read as markup;
 * they are removed only at the end, once.
 */
const MARKUP =
  /\\[\\*_~`|>#[\]()<@-]|\[((?:\\[\s\S]|[^\\\]])*)\]\(<?([^\s<>()]+)>?\)|\*\*((?:\\[\s\S]|[^\\])+?)\*\*|__((?:\\[\s\S]|[^\\])+?)__|~~((?:\\[\s\S]|[^\\])+?)~~|\*(?=\S)((?:\\[\s\S]|[^\\*])+?)(?<=\S)\*/g;

function stripMarkup(text: string): string {
  return text.replace(MARKUP, (match, label?: string, url?: string, ...styled: Array<string | undefined>) => {
    if (label !== undefined) return `${stripMarkup(label)} (${url ?? ''})`;
    const inner = styled.slice(0, 4).find((part) => part !== undefined);
    return inner === undefined ? match : stripMarkup(inner);
  });
}

function plain(text: string): string {
  return unescapeMarkdown(stripMarkup(clean(text)));
}
