// A `since` typed as a relative day is read on the asker's calendar: at 08:30 in Seoul it is
// already Tuesday there while UTC still says Monday.
import { describe, expect, it } from 'vitest';
import { parseSince } from '../src/answers/options.js';
import { zoneOffsetMinutes } from '../src/format/days.js';

const SEOUL_MORNING = new Date('2024-11-04T23:30:00Z'); // Tue Nov 5, 08:30 in Seoul

describe('a since option in the server zone', () => {
  it('reads "yesterday" and "today" on the server\'s calendar, not UTC\'s', () => {
    expect(parseSince('yesterday', SEOUL_MORNING, 'Asia/Seoul')).toBe('2024-11-04');
    expect(parseSince('today', SEOUL_MORNING, 'Asia/Seoul')).toBe('2024-11-05');
    expect(parseSince('yesterday', SEOUL_MORNING, 'UTC')).toBe('2024-11-03');
    expect(parseSince('yesterday', new Date('2024-11-05T03:00:00Z'), 'America/New_York')).toBe('2024-11-03');
  });

  it('takes a written day as it is, in any zone', () => {
    expect(parseSince('2024-11-01', SEOUL_MORNING, 'Pacific/Auckland')).toBe('2024-11-01');
    expect(parseSince('Nov 1', SEOUL_MORNING, 'America/Los_Angeles')).toBe('2024-11-01');
  });
});

describe("a zone's offset from UTC", () => {
  it('follows summer time and half-hour zones', () => {
    expect(zoneOffsetMinutes(new Date('2024-07-01T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2024-12-01T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(SEOUL_MORNING, 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(SEOUL_MORNING, 'UTC')).toBe(0);
  });
});
