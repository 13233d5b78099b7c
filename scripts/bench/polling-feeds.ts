/**
 * The polling bench's feeds: RSS 2.0 text of varied short news items, each carrying figures the
 * extractor recognises (troops, casualties, munitions) from a rotating cast of claimants.
 * Deterministic: item n of feed f always reads the same, so a run can be repeated.
 */

export interface BenchItem {
  guid: string;
  link: string;
  title: string;
  /** RFC 822, as RSS wants. */
  pubDate: string;
  summary: string;
  content: string;
}

const CLAIMANTS = [
  'the Pentagon',
  "South Korea's National Intelligence Service",
  "Ukraine's military intelligence",
  'the White House',
  'NATO',
  'the Institute for the Study of War',
  'Kyrylo Budanov',
  'Volodymyr Zelenskyy',
  "South Korea's Joint Chiefs of Staff",
  'the UK Ministry of Defence',
  'the State Department',
  "Ukraine's General Staff",
];
const OUTLETS = [
  'Reuters',
  'Yonhap',
  'AP',
  'AFP',
  'BBC',
  'Kyodo',
  'NK News',
  'Korea Herald',
  'Kyiv Independent',
  'Bloomberg',
];
const PLACES = [
  'the Kursk region',
  "Russia's far east",
  'the border area near Kursk',
  'training grounds in eastern Russia',
];
const HEDGES = ['about', 'roughly', 'some', 'around', 'more than', 'at least'];

type Template = (who: string, n: string, hedge: string, place: string) => { title: string; sentence: string };

/** One sentence per kind of claim, each written to be read as an attributed figure. */
const TEMPLATES: Template[] = [
  (who, n, hedge, place) => ({
    title: `${n} North Korean troops in Russia`,
    sentence: `${cap(who)} said ${hedge} ${n} North Korean troops were now in ${place}.`,
  }),
  (who, n, hedge, place) => ({
    title: `Estimate of North Korean soldiers rises`,
    sentence: `${cap(who)} estimated that ${hedge} ${n} North Korean soldiers had been sent to ${place}.`,
  }),
  (who, n, hedge) => ({
    title: `Troop figure from ${stripThe(who)}`,
    sentence: `According to ${who}, ${hedge} ${n} troops from North Korea have arrived in Russia.`,
  }),
  (who, n, hedge, place) => ({
    title: `North Korean losses reported`,
    sentence: `${cap(who)} said ${hedge} ${n} North Korean soldiers had been killed or wounded in ${place}.`,
  }),
  (who, n, hedge) => ({
    title: `Casualty estimate for North Korean units`,
    sentence: `${cap(hedge)} ${n} North Korean troops have been killed in the fighting, ${who} said.`,
  }),
  (who, n, hedge) => ({
    title: `Shells shipped to Russia`,
    sentence: `${cap(who)} said North Korea had sent ${hedge} ${n} artillery shells to Russia.`,
  }),
];
// Figures per template: troops in thousands, casualties in hundreds, shells in hundreds of thousands.
const SCALES = [1000, 1000, 1000, 100, 100, 100_000];

const FILLER = [
  'Officials gave no detail on how the figure was reached, and it could not be verified independently.',
  'The Kremlin declined to comment on the report when asked on a daily call with reporters.',
  'Analysts said the estimate was in line with satellite images published earlier in the week.',
  'Lawmakers were briefed behind closed doors, one of them told reporters afterwards.',
];

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function stripThe(text: string): string {
  return text.replace(/^the /, '');
}

/** A small deterministic hash of two integers, for picking without Math.random. */
function pick(feed: number, item: number, salt: number): number {
  let h = Math.imul(feed + 0x9e3779b1, 0x85ebca6b) ^ Math.imul(item + salt * 7919, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 13)) >>> 0;
}

/** A round-ish figure on the template's scale, written with thousands separators. */
function figure(template: number, feed: number, n: number, salt: number): string {
  const scale = SCALES[template]!;
  return (((pick(feed, n, salt) % 15) + 1) * scale + (pick(feed, n, salt + 10) % 4) * (scale / 4)).toLocaleString(
    'en-US',
  );
}

export const outletOf = (feed: number) => OUTLETS[feed % OUTLETS.length]!;
export const hostOf = (feed: number) => `feed-${feed}.bench.test`;

/** Item `n` (counting from 0, oldest first) of feed `feed`, published `n` hours after `start`. */
export function benchItem(feed: number, n: number, start: number): BenchItem {
  const template = pick(feed, n, 1) % TEMPLATES.length;
  const next = (template + 1 + (n % 2)) % TEMPLATES.length;
  const who = CLAIMANTS[pick(feed, n, 4) % CLAIMANTS.length]!;
  const other = CLAIMANTS[(pick(feed, n, 4) + 5) % CLAIMANTS.length]!;
  const hedge = HEDGES[pick(feed, n, 5) % HEDGES.length]!;
  const place = PLACES[pick(feed, n, 6) % PLACES.length]!;
  const { title, sentence } = TEMPLATES[template]!(who, figure(template, feed, n, 2), hedge, place);
  const second = TEMPLATES[next]!(other, figure(next, feed, n, 3), 'about', place);
  const content = [
    `SEOUL/KYIV - ${sentence} ${FILLER[pick(feed, n, 7) % FILLER.length]!}`,
    `${second.sentence} ${FILLER[pick(feed, n, 8) % FILLER.length]!}`,
  ].join('\n\n');
  return {
    guid: `bench-${feed}-${n}`,
    link: `https://${hostOf(feed)}/news/${feed}-${n}`,
    title: `${title} (${feed}.${n})`,
    pubDate: new Date(start + n * 3_600_000).toUTCString(),
    summary: sentence,
    content,
  };
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function itemXml(item: BenchItem): string {
  return (
    `<item><title>${xml(item.title)}</title><link>${xml(item.link)}</link><guid isPermaLink="false">${xml(item.guid)}</guid>` +
    `<pubDate>${item.pubDate}</pubDate><description>${xml(item.summary)}</description>` +
    `<content:encoded>${xml(item.content)}</content:encoded></item>`
  );
}

/** The feed as it stands when it holds items first..first+count-1, newest listed first. */
export function rssText(feed: number, first: number, count: number, start: number): string {
  const items: string[] = [];
  for (let n = first + count - 1; n >= first; n--) items.push(itemXml(benchItem(feed, n, start)));
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
    `<title>${xml(outletOf(feed))}</title><link>https://${hostOf(feed)}/</link><description>News</description>${items.join('')}</channel></rss>`
  );
}

/** The item as an article file, for checking with `cli extract` that its figures are found. */
export function articleText(feed: number, n: number, start: number): string {
  const item = benchItem(feed, n, start);
  return `title: ${item.title}\noutlet: ${outletOf(feed)}\nurl: ${item.link}\n---\n${item.content}\n`;
}
