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
  /** The scopes of the sources that brought the article, comma-joined ('' the defaults). */
  scopes: string | null;
}

/** What claimsForFiling reads of a claim and its article (c, a) but the scopes; aliases quoted for Postgres. */
export const FILING_COLUMNS = `c.id, c.article_id AS "articleId", c.sentence, c.unit, c.low, c.figure_text AS "figureText",
  c.topic, a.title`;

/**
 * The claims of articles after `after`, up to `upTo` article ids past it, with their titles: an
 * article's claims together. Read a window at a time so a long re-filing leaves room for others.
 */
export function claimsForFiling(db: Database.Database, after: number, upTo: number): FilingRow[] {
  return db
    .prepare(
      `SELECT ${FILING_COLUMNS},
         (SELECT group_concat(DISTINCT s.guild_id) FROM article_sources x JOIN sources s ON s.id = x.source_id
          WHERE x.article_id = a.id) AS scopes
       FROM claims c JOIN articles a ON a.id = c.article_id
       WHERE c.article_id > ? AND c.article_id <= ? ORDER BY c.article_id, c.id`,
    )
    .all(after, after + upTo) as FilingRow[];
}

export function lastArticleId(db: Database.Database): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS id FROM articles').get() as { id: number }).id;
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
