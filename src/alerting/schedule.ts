import cron from 'node-cron';
import { UserError } from '../errors.js';

/** A briefing schedule as stored (a five-field cron expression) and as a moderator reads it. */
export interface Schedule {
  cron: string;
  words: string;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const OFF = new Set(['off', 'none', 'stop', 'remove']);

const pad = (n: number) => String(n).padStart(2, '0');

/** Which cron day-of-week field a friendly word means: "weekdays", "daily", "monday"/"mondays"/"mon". */
function daysField(word: string): string | undefined {
  if (word === 'daily' || word === 'every day' || word === 'everyday') return '*';
  if (word === 'weekdays') return '1-5';
  if (word === 'weekends') return '0,6';
  const day = DAYS.findIndex(
    (d) => word === d.toLowerCase() || word === `${d.toLowerCase()}s` || word === d.slice(0, 3).toLowerCase(),
  );
  return day === -1 ? undefined : String(day);
}

/** "weekdays 08:00", "daily 7:30", "monday 09:00", "08:00" (every day): the forms worth typing. */
function friendly(text: string): string | undefined {
  const match = /^(?:(.+?)\s+(?:at\s+)?)?(\d{1,2}:\d{2})$/.exec(text);
  if (!match) return undefined;
  const time = TIME.exec(match[2]!);
  const days = match[1] === undefined ? '*' : daysField(match[1]);
  if (!time || days === undefined) return undefined;
  return `${Number(time[2])} ${Number(time[1])} * * ${days}`;
}

/**
 * A moderator's schedule: a friendly form or a five-field cron expression; null for "off".
 * The minute must be one number, so a briefing comes at most once an hour: a typo like
 * "* 8 * * *" would otherwise post sixty briefings a morning.
 */
export function parseSchedule(typed: string): Schedule | null {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (OFF.has(text)) return null;
  const expression = friendly(text) ?? text;
  const fields = expression.split(' ');
  if (fields.length !== 5 || !cron.validate(expression)) {
    throw new UserError(
      'That is not a schedule I can read. Try "weekdays 08:00", "daily 07:30", "monday 09:00", ' +
        'a five-field cron expression like "0 8 * * 1-5", or "off".',
    );
  }
  if (!/^\d{1,2}$/.test(fields[0]!)) {
    throw new UserError(
      'A briefing can come at most once an hour: give the minute as one number, like "0 8 * * *" or "30 * * * *".',
    );
  }
  return { cron: expression, words: describeSchedule(expression) };
}

function dayWords(named: string): string | undefined {
  // node-cron takes day names too: "mon-fri" reads as "1-5".
  const field = named.replace(/sun|mon|tue|wed|thu|fri|sat/g, (d) =>
    String(DAYS.findIndex((n) => n.toLowerCase().startsWith(d))),
  );
  if (field === '*') return 'every day';
  if (field === '1-5') return 'on weekdays';
  if (field === '0,6' || field === '6,0') return 'at weekends';
  if (!/^[0-7](,[0-7])*$/.test(field)) return undefined;
  const names = field.split(',').map((d) => DAYS[Number(d) % 7]!);
  return names.length === 1 ? `every ${names[0]}` : `on ${names.join(', ')}`;
}

/** "weekdays at 08:00"; a cron expression beyond the simple shapes is shown as it is. */
export function describeSchedule(expression: string): string {
  const [minute, hour, dayOfMonth, month, dayOfWeek] = expression.split(' ');
  const days = dayOfMonth === '*' && month === '*' ? dayWords(dayOfWeek ?? '') : undefined;
  if (days && minute && /^\d{1,2}$/.test(minute)) {
    if (hour === '*') return `${days}, every hour at :${pad(Number(minute))}`;
    if (hour && /^\d{1,2}(,\d{1,2})*$/.test(hour)) {
      const times = hour.split(',').map((h) => `${pad(Number(h))}:${pad(Number(minute))}`);
      return `${days} at ${times.join(' and ')}`;
    }
  }
  return `on the cron schedule \`${expression}\``;
}
