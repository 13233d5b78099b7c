import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AnswerFile, AnswerImage } from '../answers/answer.js';

/** Where the console saves pictures: beside the store, or the temp folder for an in-memory one. */
export function imageDirFor(dbPath: string): string {
  return dbPath === ':memory:' ? join(tmpdir(), 'claimwatch-charts') : join(dirname(dbPath), 'charts');
}

/** Exports go beside the charts folder, in their own: a desk clears one without losing the other. */
export const exportDirBeside = (imageDir: string): string => join(dirname(imageDir), 'exports');

/** Writes the picture or file (a topic's chart replaces its last one) and says where it went. */
export function saveAnswerImage(image: AnswerImage | AnswerFile, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, image.name);
  writeFileSync(path, image.data);
  return path;
}
