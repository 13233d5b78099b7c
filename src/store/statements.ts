import type Database from 'better-sqlite3';

/** Prepares each SQL text once per connection: ingest and polling run the same few statements thousands of times. */
export function statementCache(db: Database.Database): (text: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (text) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };
}
