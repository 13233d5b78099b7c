// Feeds arrive in whatever charset the outlet's CMS uses (EUC-KR in Seoul, Windows-1251 in Moscow).
// Node's TextDecoder (full ICU) decodes all the WHATWG encodings, so no iconv dependency is needed.
// When nothing says which one, or a label says UTF-8 and the bytes are not, chardet (ICU's
// detector ported to JavaScript) guesses from the bytes instead of U+FFFD replacing every accent.
import { detect } from 'chardet';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `euc-kr`, `windows-1251`, `windows-1252` (for ISO-8859-1). */
  charset: string;
  /** True when the bytes were decoded by a guess: nothing declared the charset, or the label was wrong. */
  guessed?: boolean;
}

// How far into the body a declaration is looked for; the XML declaration and <meta charset> come first.
const SNIFF_BYTES = 1024;

/** The WHATWG encoding a label names, or undefined when TextDecoder does not know it. */
function encodingOf(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined; // unknown labels, and "replacement" ones (iso-2022-kr) Node refuses
  }
}

// A BOM is the bytes themselves speaking, so it beats any label (the WHATWG and XML rules agree).
function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function headerLabel(contentType: string | null): string | undefined {
  return contentType === null ? undefined : /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

// Latin-1 maps each byte to one character, so ASCII declarations read the same in any ASCII-based charset.
function declaredLabel(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  return (
    /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ??
    /<meta[^>]*?\scharset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  );
}

// A declaration we could read as ASCII cannot really be UTF-16 (WHATWG: such a <meta> means UTF-8).
function asciiCompatible(encoding: string | undefined): string | undefined {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The detector's guess for bytes that are not UTF-8; UTF-8 with replacements when it has none. */
function guessed(bytes: Uint8Array): DecodedText {
  const charset = encodingOf(detect(bytes) ?? undefined);
  if (!charset || charset === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
  return { text: new TextDecoder(charset).decode(bytes), charset, guessed: true };
}

/**
 * Decodes a body by its BOM, else the Content-Type charset, else the XML or HTML declaration;
 * with no label, UTF-8 when the bytes are valid UTF-8, else the detector's guess. A UTF-8 label
 * on bytes that are not UTF-8 (Latin-1 served as UTF-8) is a mistake the guess corrects.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedText {
  const bom = bomEncoding(bytes);
  const labelled = bom ?? encodingOf(headerLabel(contentType)) ?? asciiCompatible(encodingOf(declaredLabel(bytes)));
  if (bom || (labelled && labelled !== 'utf-8'))
    // Not fatal: one bad byte in a feed should cost one character (U+FFFD), not the whole poll.
    return { text: new TextDecoder(labelled).decode(bytes), charset: labelled! };
  const utf8 = strictUtf8(bytes);
  return utf8 === null ? guessed(bytes) : { text: utf8, charset: 'utf-8' };
}
