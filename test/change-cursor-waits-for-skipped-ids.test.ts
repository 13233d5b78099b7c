// A change id is taken at insert and seen at commit, so ids can show up out of order: the cursor
// reads again from a skipped id until it shows up, or until no transaction could still hold it.
import { describe, expect, it } from 'vitest';
import { ChangeCursor } from '../src/index/change-cursor.js';

const NOW = new Date('2026-01-10T08:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('the change cursor', () => {
  it('reads on from the last id when nothing was skipped', () => {
    const cursor = new ChangeCursor(4);
    expect(cursor.advance([5, 6], NOW)).toEqual([5, 6]);
    expect(cursor.from(NOW)).toBe(6);
  });

  it('reads again from a skipped id, and takes it as new when it shows up', () => {
    const cursor = new ChangeCursor(4);
    cursor.advance([5, 8], NOW);
    expect(cursor.from(later(10))).toBe(5);
    expect(cursor.advance([6, 8], later(10))).toEqual([6]);
    expect(cursor.from(later(20))).toBe(6);
  });

  it('gives up on a skipped id once it is older than any transaction lives', () => {
    const cursor = new ChangeCursor(0, [], NOW, 1_000);
    cursor.advance([2], NOW);
    expect(cursor.from(later(500))).toBe(0);
    expect(cursor.from(later(1_500))).toBe(2);
  });

  it('waits for the ids a snapshot could not see yet', () => {
    const cursor = new ChangeCursor(10, [7], NOW);
    expect(cursor.from(NOW)).toBe(6);
    expect(cursor.advance([7, 8, 9, 10, 11], NOW)).toEqual([7, 11]);
  });
});
