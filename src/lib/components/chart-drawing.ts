// Loaded only by a dynamic import (OverviewChart.svelte), so Chart.js stays out of the first
// page's code; the service worker precaches the chunk like every built file.
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';

// Only what a bar chart needs: the rest of Chart.js is left out of the chunk.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** One bar chart: a label per bar group and one or more series of counts. */
export interface BarChartSpec {
	labels: string[];
	series: { label: string; values: number[] }[];
}

/** A drawn chart: redraw with new figures, or remove it. */
export interface DrawnChart {
	update(spec: BarChartSpec): void;
	destroy(): void;
}

/** The series colours, taken from the app's palette (app.css). */
const COLOURS = ['--brand', '--success', '--muted'];

function datasets(spec: BarChartSpec, style: CSSStyleDeclaration) {
	return spec.series.map((series, index) => {
		const colour = style.getPropertyValue(COLOURS[index % COLOURS.length]!).trim() || '#0a6ed1';
		return { label: series.label, data: series.values, backgroundColor: colour };
	});
}

/**
 * Draws a bar chart of counts on a canvas, without animation (the figures are read at a glance
 * and nothing moves for users who prefer less motion), in the UI's own font (the bundled CJK
 * font: Chart.js's default has no Chinese glyphs).
 */
export function drawBarChart(canvas: HTMLCanvasElement, spec: BarChartSpec): DrawnChart {
	const style = getComputedStyle(document.documentElement);
	Chart.defaults.font.family = getComputedStyle(canvas).fontFamily;
	const configuration: ChartConfiguration<'bar', number[], string> = {
		type: 'bar',
		data: { labels: spec.labels, datasets: datasets(spec, style) },
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			plugins: { legend: { display: spec.series.length > 1 } },
			scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
		}
	};
	const chart = new Chart(canvas, configuration);
	return {
		update(next) {
			chart.data.labels = next.labels;
			chart.data.datasets = datasets(next, style);
			chart.update();
		},
		destroy() {
			chart.destroy();
		}
	};
}
