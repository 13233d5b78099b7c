import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../src/answers/answer.js';
import { answerText, askApp } from './support/ask.js';
import { type TempApp, tempApp } from './support/store-app.js';

// /claimants through the one error boundary over a real SQLite store. Articles written for the test.

let t: TempApp;
const NOW = new Date('2023-03-10T12:00:00Z');

beforeEach(async () => {
  t = await tempApp();
});
afterEach(() => t.close());

function ask(line: string, guildId: string | null = 'g1', moderator = true): Promise<Answer> {
  return askApp(t.app, line, { guildId, moderator, user: 'desk editor', now: NOW });
}

const text = answerText;

const march = async (body: string, guildId = 'g1') =>
  await t.ingest({ outlet: 'Harbour Post', date: '2023-03-07', title: 'Pension march', body }, { guildId });

describe('moderators correct who the bot credits', () => {
  beforeEach(async () => {
    await march('The Dock Workers Federation said 42,000 people marched in the port city on Tuesday.');
    await march('Organisers from Harbour Dockers said 45,000 marched by the evening.');
  });

  it('merges one name into another, for stored claims and the next article alike', async () => {
    const merged = text(await ask('/claimants alias name:"Dock Workers Federation" into:"Harbour Dockers"'));
    expect(merged).toContain('1 claim now filed under Harbour Dockers');
    await march('The Dock Workers Federation said 50,000 people marched on Thursday.');
    const list = text(await ask('/claimants list'));
    expect(list).toContain('Harbour Dockers: 3 figures in 3 claims');
    expect(list).not.toContain('Dock Workers Federation:');
    expect(list).toContain('Last change: alias Dock Workers Federation → Harbour Dockers by desk editor');
  });

  it('splits a wrong merge, putting back exactly the claims it moved', async () => {
    await ask('/claimants alias name:"Dock Workers Federation" into:"Harbour Dockers"');
    const split = text(await ask('/claimants split name:"Dock Workers Federation"'));
    expect(split).toContain('1 claim went back to Dock Workers Federation');
    const list = text(await ask('/claimants list'));
    expect(list).toContain('Dock Workers Federation: 1 figure in 1 claim');
    expect(list).toContain('Harbour Dockers: 1 figure in 1 claim');
  });

  it('renames a claimant that has no namesake', async () => {
    await ask('/claimants rename name:"Harbour Dockers" into:"Harbour Dockworkers Federation"');
    expect(text(await ask('/claimants list'))).toContain('Harbour Dockworkers Federation: 1 figure');
  });

  it('refuses a merge that would make a cycle, and changes nothing', async () => {
    await ask('/claimants alias name:"Dock Workers Federation" into:"Harbour Dockers"');
    const answer = await ask('/claimants alias name:"Harbour Dockers" into:"Dock Workers Federation"');
    expect(answer.ephemeral).toBe(true);
    expect(text(answer)).toContain('would make a cycle');
    expect(text(await ask('/claimants list'))).toContain('Harbour Dockers: 2 figures');
  });

  it.each([
    ['/claimants alias name:"Nobody Here" into:"Harbour Dockers"', 'No claim names Nobody Here'],
    ['/claimants alias name:"Harbour Dockers" into:"Harbour Dockers"', 'is already that name'],
    ['/claimants rename name:"Dock Workers Federation" into:"Harbour Dockers"', 'has claims of its own'],
    ['/claimants split name:"Harbour Dockers"', 'nothing to split'],
  ])('%s says why and changes nothing', async (line, message) => {
    const answer = await ask(line);
    expect(answer.ephemeral).toBe(true);
    expect(text(answer)).toContain(message);
    expect(await t.app.port.claimants.changes('g1')).toEqual([]);
  });

  it('leaves another server’s claims and list alone', async () => {
    await march('The Dock Workers Federation said 9,000 marched in the old town.', 'g2');
    await ask('/claimants alias name:"Dock Workers Federation" into:"Harbour Dockers"');
    expect(text(await ask('/claimants list', 'g2'))).toContain('Dock Workers Federation: 1 figure');
  });

  it('refuses a member who is not a moderator', async () => {
    const answer = await ask('/claimants alias name:"Dock Workers Federation" into:"Harbour Dockers"', 'g1', false);
    expect(answer.ephemeral).toBe(true);
    expect(await t.app.port.claimants.changes('g1')).toEqual([]);
  });
});
