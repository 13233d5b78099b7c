// Feeds arrive in whatever charset the outlet's CMS uses (EUC-KR in Seoul, Windows-1251 in Moscow).
// Node's TextDecoder (full ICU) decodes all the WHATWG encodings, so no iconv dependency is needed.

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `euc-kr`, `windows-1251`, `windows-1252` (for ISO-8859-1). */
  charset: string;
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

/** Decodes a body by its BOM, else the Content-Type charset, else the XML or HTML declaration, else UTF-8. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedText {
  const charset =
    bomEncoding(bytes) ??
    encodingOf(headerLabel(contentType)) ??
    asciiCompatible(encodingOf(declaredLabel(bytes))) ??
    'utf-8';
  // Not fatal: one bad byte in a feed should cost one character (U+FFFD), not the whole poll.
  return { text: new TextDecoder(charset).decode(bytes), charset };
}
