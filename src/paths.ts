import { fileURLToPath } from 'node:url';

/** The repository's data folder: the story lexicon, default sources and sample articles. */
export const DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));
