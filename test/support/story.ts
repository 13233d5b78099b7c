// A small developing story, in our own words, for answer tests: two NIS figures, a repeat of
// one by a second outlet, a Pentagon figure, a Zelenskyy figure and a Kremlin denial.
import type { TestArticle } from './store-app.js';

export const STORY: TestArticle[] = [
  {
    outlet: 'Yonhap',
    date: '2024-10-18',
    url: 'https://news.example/yonhap/1',
    body: 'South Korea’s spy agency said about 1,500 North Korean troops had already reached Russia.',
  },
  {
    outlet: 'Korea Herald',
    date: '2024-10-23',
    body: 'The National Intelligence Service said some 3,000 North Korean soldiers had been sent to Russia.',
  },
  {
    outlet: 'Reuters',
    date: '2024-10-24',
    body: 'The Pentagon said roughly 3,000 North Korean soldiers were training in eastern Russia.',
  },
  {
    outlet: 'The Associated Press',
    date: '2024-10-24',
    body: 'The NIS said about 3,000 North Korean troops were now in Russia.',
  },
  {
    outlet: 'TASS',
    date: '2024-10-25',
    body: 'The Kremlin denied that North Korean troops had been deployed to Russia.',
  },
  {
    outlet: 'Kyiv Independent',
    date: '2024-11-05',
    body: 'President Volodymyr Zelenskyy said up to 11,000 North Korean soldiers were now in the Kursk region.',
  },
];

/** Three NIS estimates a week apart, in one outlet: a topic's claims to file again and correct. */
export const THREE_ESTIMATES: TestArticle[] = [
  ['2024-11-01', '3,000'],
  ['2024-11-08', '10,000'],
  ['2024-11-15', '11,000'],
].map(([date, figure]) => ({
  outlet: 'Seoul Ledger',
  date: date!,
  title: 'North Korean troops',
  body: `South Korea's spy agency said about ${figure} North Korean troops had reached Russia.`,
}));
