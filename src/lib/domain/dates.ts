import { z } from './zod';

// One validator for dates and moments everywhere (schemas, engine, import): zod's ISO formats,
// whose patterns know the calendar (no 2001-02-30, 29 February only in leap years). A moment
// needs its seconds and a `Z` or an offset (`2001-03-07T08:00:00.000Z`, `…T16:00:00+08:00`):
// a time without a zone names no moment, and Date.parse would roll a day that does not exist.
const isoDateFormat = z.iso.date();
const isoDateTimeFormat = z.iso.datetime({ offset: true });

/** Whether a string is `YYYY-MM-DD` and names a day that exists (no 2001/02/30). */
export function isValidIsoDate(value: string): boolean {
	return isoDateFormat.safeParse(value).success;
}

/** Whether a string is an ISO 8601 date-time with seconds and a zone, on a day that exists. */
export function isValidIsoDateTime(value: string): boolean {
	return isoDateTimeFormat.safeParse(value).success;
}

/** A calendar date as stored: `YYYY-MM-DD`, a real day of the calendar. */
export const isoDateSchema = z
	.string({ error: 'required' })
	.min(1, { error: 'required', abort: true })
	.refine(isValidIsoDate, { error: 'invalidDate' });

/** A moment as stored: an ISO 8601 date-time (see `isValidIsoDateTime`). */
export const isoDateTimeSchema = z
	.string({ error: 'required' })
	.min(1, { error: 'required', abort: true })
	.refine(isValidIsoDateTime, { error: 'invalidDate' });

/** A stored date as the seed writes it: 2001-03-07 → 2001/03/07. */
export function formatSeedDate(isoDate: string | undefined): string {
	if (!isoDate) return '';
	return isoDate.slice(0, 10).replaceAll('-', '/');
}

/** A stored date-time as the seed writes it, in local time: 2001/03/07 14:05. */
export function formatSeedDateTime(isoDateTime: string | undefined): string {
	if (!isoDateTime) return '';
	const date = new Date(isoDateTime);
	if (Number.isNaN(date.getTime())) return isoDateTime;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A local calendar date as stored (`YYYY-MM-DD`). */
export function toIsoDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
