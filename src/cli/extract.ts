import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import type { CliIO } from '../console/io.js';
import { UserError } from '../errors.js';
import { type Claim, compileLexicon, extractClaims, parseArticle } from '../extract/index.js';
import { loadLexicon } from '../newsroom/data-files.js';
import { readArticleFile } from '../sources/article-file.js';

/** The contract's claim fields, in its order; internal fields stay out of the output. */
function contractClaim(claim: Claim) {
  const { sentence, low, high, hedge, unit, topic, status, claimant, via, outlet, date, speaker, role, aside } = claim;
  // `speaker` and `role` are extra fields the contract allows: the person who spoke for the
  // claimant; whether the figure is current, a past one or an increment; why it is beside the story.
  return { sentence, low, high, hedge, unit, topic, status, claimant, via, outlet, date, speaker, role, aside };
}

export function runExtract(args: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, date: { type: 'string' }, outlet: { type: 'string' } },
  });
  if (positionals.length === 0)
    throw new UserError('usage: cli extract --json [--date YYYY-MM-DD] [--outlet NAME] FILE...');
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new UserError(`--date must be YYYY-MM-DD, not "${values.date}"`);
  const lexicon = compileLexicon(loadLexicon(loadConfig(process.env).dataDir));
  const claims: ReturnType<typeof contractClaim>[] = [];
  let failed = false;
  for (const file of positionals) {
    try {
      const article = parseArticle(readArticleFile(file), { outlet: values.outlet, date: values.date });
      claims.push(...extractClaims(article, lexicon).map(contractClaim));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      io.error(error.message);
      failed = true;
    }
  }
  if (values.json) io.out(JSON.stringify(claims, null, 2));
  else
    for (const c of claims)
      io.out(
        `${c.low ?? '-'}${c.high !== c.low ? `-${c.high}` : ''} ${c.unit ?? ''} [${c.topic ?? '-'}] ${c.status} ${c.hedge ?? ''} claimant=${c.claimant ?? '-'} via=${c.via ?? '-'} :: ${c.sentence}`,
      );
  return failed ? 1 : 0;
}
