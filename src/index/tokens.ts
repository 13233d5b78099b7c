const STOPWORDS = new Set(
  (
    'a an and are as at be been by for from had has have he her his in into is it its of on or our she ' +
    'that the their them they this to was were which who will with would said says about than over'
  ).split(' '),
);

/** Bump when tokenize changes: a saved text index made with other word rules is then rebuilt. */
export const TOKENIZER_VERSION = 1;

/**
 * Words for search: case, accents and thousands separators folded ("12,000" is "12000",
 * "Zelenskyy's" is "zelenskyy"), common words dropped.
 */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(?<=\d)[,.](?=\d{3}\b)/g, '')
    .replace(/['’]s\b/g, '');
  const words = folded.split(/[^\p{L}\p{N}]+/u);
  const out: string[] = [];
  for (const word of words) if (word.length > 1 && !STOPWORDS.has(word)) out.push(word);
  return out;
}
