import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { App } from '../app/app.js';
import { formatDay } from '../format/days.js';
import { plural } from '../format/numbers.js';
import type { Logger } from '../log.js';
import { renderText } from '../render/render.js';
import { exportDirBeside, imageDirFor, saveAnswerImage } from './answer-image.js';
import { answerLine } from './ask.js';
import type { CliIO } from './io.js';

const QUIT = /^(?:\/?(?:quit|exit)|\.exit)$/i;

/** Two lines saying what is loaded and what to type: a new user's first screen. */
export async function banner(app: App): Promise<string> {
  const { articles, claims } = await app.port.articles.counts();
  const days = await app.port.articles.dateRange();
  const span = days ? `, ${formatDay(days.first)} to ${formatDay(days.last)}` : '';
  const topics = app.commands
    .filter((c) => app.index.topics.some((t) => t.command === c.data.name))
    .map((c) => `/${c.data.name}`);
  return [
    `claimwatch console: ${plural(claims, 'claim')} from ${plural(articles, 'article')}${span}.`,
    `Try ${[...topics, '/source yonhap', '/search artillery shells', '/help'].join(', ')}. End of input (Ctrl-D) quits.`,
  ].join('\n');
}

/**
 * Reads slash commands line by line and prints each reply as text, until the input ends. A
 * picture (a topic's chart) is saved in imageDir, an export's CSV in the exports folder beside
 * it, and the path printed.
 */
export async function runConsole(
  app: App,
  input: Readable,
  io: CliIO,
  now: () => Date,
  log: Logger,
  imageDir = imageDirFor(':memory:'),
  /** Aborted on SIGTERM or SIGINT: the session ends as at end of input. */
  signal?: AbortSignal,
): Promise<void> {
  io.out(await banner(app));
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity, signal });
  try {
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      if (QUIT.test(line)) break;
      const answer = await answerLine(app, line, now(), log);
      io.out(renderText(answer));
      if (answer.image) io.out(`Chart saved to ${saveAnswerImage(answer.image, imageDir)}`);
      if (answer.file) io.out(`Export saved to ${saveAnswerImage(answer.file, exportDirBeside(imageDir))}`);
      io.out('');
    }
  } catch (error) {
    if (!signal?.aborted) throw error; // an abort ends the session like end of input
  }
  lines.close();
}
