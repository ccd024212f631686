import { z } from './zod';

/** A calendar date as stored: `YYYY-MM-DD`, a real day of the calendar. */
export const isoDateSchema = z
	.string({ error: 'required' })
	.min(1, { error: 'required', abort: true })
	.refine(isValidIsoDate, { error: 'invalidDate' });

/** A moment as stored: an ISO 8601 date-time string that parses to a real time. */
export const isoDateTimeSchema = z
	.string({ error: 'required' })
	.min(1, { error: 'required', abort: true })
	.refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), {
		error: 'invalidDate'
	});

/** Whether a string is `YYYY-MM-DD` and names a day that exists (no 2001/02/30). */
export function isValidIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

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
