import type Database from 'better-sqlite3';

/** What re-filing a claim under the current topics reads of it. */
export interface FilingRow {
  id: number;
  articleId: number;
  sentence: string;
  unit: string | null;
  low: number | null;
  figureText: string | null;
  topic: string | null;
  title: string | null;
}

/** Every claim with its article's title, an article's claims together. */
export function claimsForFiling(db: Database.Database): IterableIterator<FilingRow> {
  return db
    .prepare(
      `SELECT c.id, c.article_id AS articleId, c.sentence, c.unit, c.low, c.figure_text AS figureText, c.topic, a.title
       FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY c.article_id, c.id`,
    )
    .iterate() as IterableIterator<FilingRow>;
}

/** Files each claim under its new topic, in one transaction. */
export function setClaimTopics(
  db: Database.Database,
  moves: ReadonlyArray<{ id: number; topic: string | null }>,
): void {
  const update = db.prepare('UPDATE claims SET topic = ? WHERE id = ?');
  db.transaction(() => {
    for (const { id, topic } of moves) update.run(topic, id);
  })();
}
