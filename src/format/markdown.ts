/** Discord markdown: quoted text escaped so it cannot format or ping, and unescaped for console text. */

// Inline markers anywhere; list, heading and quote markers only where a line starts.
const INLINE = /[\\*_~`|[\]()<@]/g;
const LINE_START = /^(\s*)(?:([-#>])|(\d+)\.)/gm;

/** Quoted text stays literal in Discord: no formatting, links, headings, lists or mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (char) => `\\${char}`)
    .replace(LINE_START, (_, space: string, mark?: string, digits?: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\.`,
    );
}

/** The inverse, for console text, where markdown means nothing. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|>#[\]()<@.-])/g, '$1');
}

/** A sentence cut to a readable length, safe to show. */
export function quote(sentence: string, max = 200): string {
  const cut = sentence.length > max ? `${sentence.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : sentence;
  return escapeMarkdown(cut);
}
