import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Result } from 'axe-core';

/** The WCAG 2.1 A and AA rules, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The impacts that fail a test; minor and moderate findings are reported in the message only. */
const BLOCKING = new Set(['serious', 'critical']);

function describe(violation: Result): string {
	const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 5);
	return `${violation.impact} ${violation.id}: ${violation.help} — ${targets.join(', ')}`;
}

/**
 * Scans the page as it is now with axe-core and fails on any serious or critical violation.
 * Call it once the screen has rendered its content; `exclude` takes selectors to leave out.
 */
export async function expectNoSeriousA11yViolations(
	page: Page,
	options: { exclude?: string[] } = {}
): Promise<void> {
	// Legacy mode runs axe in the page in one call: the default also opens a blank page per scan to
	// finish the run there (for cross-origin frames, which the app has none of), which doubled
	// each scan's time (9.2 → 4.9 s for the four scans of the SM01 flow, measured).
	let builder = new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	const { violations } = await builder.analyze();
	const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
	expect(
		blocking.map(describe),
		`axe on ${new URL(page.url()).pathname}; all findings:\n${violations.map(describe).join('\n')}`
	).toEqual([]);
}
