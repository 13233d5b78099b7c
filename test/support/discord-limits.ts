import { expect } from 'vitest';
import type { DiscordPayload } from '../../src/render/render.js';

/**
 * Discord's documented message and embed limits, written out here rather than imported from
 * src/ so a wrong constant there cannot make the check agree with it.
 */
const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkText(where: string, text: string | undefined, max: number, required = false): number {
  if (text === undefined) {
    expect(required, `${where} is missing`).toBe(false);
    return 0;
  }
  expect(text.length, `${where} is ${text.length} long`).toBeLessThanOrEqual(max);
  // Discord trims before checking, so whitespace-only counts as empty.
  expect(text.trim(), `${where} is empty`).not.toBe('');
  expect(LONE_SURROGATE.test(text), `${where} has half a surrogate pair`).toBe(false);
  return text.length;
}

/** Fails the test unless Discord would accept the payload and no mention in it can ping. */
export function assertWithinDiscordLimits(payload: DiscordPayload): void {
  expect(payload.allowed_mentions).toEqual({ parse: [] });
  checkText('content', payload.content, LIMITS.content);
  expect(payload.embeds.length, 'embed count').toBeLessThanOrEqual(LIMITS.embeds);
  expect(payload.content !== undefined || payload.embeds.length > 0, 'message is empty').toBe(true);
  let total = 0;
  payload.embeds.forEach((embed, e) => {
    total += checkText(`embeds[${e}].title`, embed.title, LIMITS.title);
    total += checkText(`embeds[${e}].description`, embed.description, LIMITS.description);
    total += checkText(`embeds[${e}].footer.text`, embed.footer?.text, LIMITS.footer, embed.footer !== undefined);
    const fields = embed.fields ?? [];
    expect(fields.length, `embeds[${e}] field count`).toBeLessThanOrEqual(LIMITS.fields);
    fields.forEach((field, f) => {
      total += checkText(`embeds[${e}].fields[${f}].name`, field.name, LIMITS.fieldName, true);
      total += checkText(`embeds[${e}].fields[${f}].value`, field.value, LIMITS.fieldValue, true);
    });
    const hasText = embed.title ?? embed.description ?? embed.footer ?? embed.fields?.[0];
    expect(hasText, `embeds[${e}] is empty`).toBeDefined();
  });
  expect(total, 'characters across all embeds').toBeLessThanOrEqual(LIMITS.total);
}
