/**
 * Each message the outbox posts carries its row's nonce as a short reference in the footer. The
 * nonce alone protects a resend only while Discord remembers it (minutes); a bot down for longer
 * after a send it never heard back about reads its recent messages in the channel and finds the
 * reference instead of posting the alert a second time.
 */
import type { DiscordPayload } from '../render/render.js';

const FOOTER_LIMIT = 2048;
const REFERENCE = /(?:^| · )ref ([0-9a-f]{16})$/;

const referenceText = (nonce: string) => `ref ${nonce}`;

/** The payload with the reference at the end of its first embed's footer. */
export function withReference(payload: DiscordPayload, nonce: string): DiscordPayload {
  const [first, ...rest] = payload.embeds;
  if (!first) return { ...payload, content: `${payload.content ?? ''}\n-# ${referenceText(nonce)}`.trim() };
  const tail = referenceText(nonce);
  const footer = first.footer?.text;
  // Discord caps a footer; the reference survives, the footer's end gives way.
  const text = footer ? `${footer.slice(0, FOOTER_LIMIT - tail.length - 3)} · ${tail}` : tail;
  return { ...payload, embeds: [{ ...first, footer: { text } }, ...rest] };
}

interface PostedMessage {
  content?: string;
  embeds?: Array<{ footer?: { text?: string } }>;
}

/** The nonce a posted message carries, or null for a message the outbox did not post. */
export function referenceOf(message: PostedMessage): string | null {
  const footer = message.embeds?.[0]?.footer?.text;
  const found = footer ? REFERENCE.exec(footer) : /-# ref ([0-9a-f]{16})$/.exec(message.content ?? '');
  return found?.[1] ?? null;
}
