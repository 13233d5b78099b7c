/**
 * What an outbox row holds: the message as an Answer, built when the alert was decided, so a
 * delivery after a restart (or a code change) sends what was decided, not a re-computation.
 */

import type { Answer, AnswerSection } from '../answers/answer.js';
import { escapeMarkdown } from '../format/markdown.js';

export interface MessagePayload {
  answer: Answer;
  /** The one-line form, used when the message is folded into a digest. */
  line: string;
}

/** A message to moderators (a channel stopped taking alerts, say): text may use markdown. */
export function noticeMessage(title: string, text: string): MessagePayload {
  return {
    answer: { title, summary: text, sections: [] },
    line: `**${escapeMarkdown(title)}**: ${text.replace(/\s*\n\s*/g, ' ')}`,
  };
}

/** Bumped if the stored shape ever changes, so old rows can still be read. */
const VERSION = 1;

export function encodePayload(payload: MessagePayload): string {
  return JSON.stringify({ v: VERSION, answer: payload.answer, line: payload.line });
}

/**
 * Never throws: a row written by a bug, by hand or by an older build still goes out, as a plain
 * notice with whatever text it holds, rather than stopping delivery for the whole channel.
 */
export function decodePayload(text: string): MessagePayload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return asNotice(text);
  }
  if (!isRecord(value)) return asNotice(typeof value === 'string' ? value : text);
  const answer = answerOf(value.answer);
  if (!answer) return asNotice(typeof value.line === 'string' ? value.line : text);
  const line = typeof value.line === 'string' && value.line.trim() !== '' ? value.line : answer.title;
  return { answer, line };
}

/** Unknown text is quoted, not trusted: escaped, and cut well inside an embed description. */
function asNotice(text: string): MessagePayload {
  const cut = text.length > 1500 ? `${text.slice(0, 1499)}…` : text;
  return noticeMessage('Notice', cut.trim() === '' ? '(empty message)' : escapeMarkdown(cut));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Only the fields the renderer reads, each of the right type; anything else is dropped. */
function answerOf(value: unknown): Answer | null {
  if (!isRecord(value) || typeof value.title !== 'string' || !Array.isArray(value.sections)) return null;
  const sections = value.sections.map(sectionOf).filter((s): s is AnswerSection => s !== null);
  const answer: Answer = { title: value.title, sections };
  const summary = optionalString(value.summary);
  const footer = optionalString(value.footer);
  const url = optionalString(value.url);
  if (summary !== undefined) answer.summary = summary;
  if (footer !== undefined) answer.footer = footer;
  if (url !== undefined) answer.url = url;
  // A channel message is public; a stored "ephemeral" flag would make Discord reject it.
  return answer;
}

function sectionOf(value: unknown): AnswerSection | null {
  if (!isRecord(value) || typeof value.heading !== 'string' || !Array.isArray(value.lines)) return null;
  const lines = value.lines.filter((line): line is string => typeof line === 'string');
  const omitted =
    typeof value.omitted === 'number' && Number.isInteger(value.omitted) && value.omitted > 0
      ? value.omitted
      : undefined;
  return omitted === undefined ? { heading: value.heading, lines } : { heading: value.heading, lines, omitted };
}
