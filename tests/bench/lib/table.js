// @ts-check
/** Formatting of benchmark results: an aligned table for people, plain JSON for machines. */

/**
 * @typedef {object} Measurement
 * @property {string} name
 * @property {number | null} value null when the case failed
 * @property {string} unit
 * @property {number} [target]
 * @property {'lower' | 'higher'} [better]
 * @property {boolean} [ok] whether value meets target (only with a target)
 * @property {string} [case] the case module's name
 * @property {string} [error] why the case failed
 */

/**
 * @param {Measurement} m
 * @returns {boolean | undefined}
 */
export function meetsTarget(m) {
	if (m.target === undefined || m.value === null) return m.value === null ? false : undefined;
	return m.better === 'higher' ? m.value >= m.target : m.value <= m.target;
}

/** @param {number | null} v */
function formatValue(v) {
	if (v === null) return 'ERROR';
	if (Number.isInteger(v)) return String(v);
	return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/**
 * @param {Measurement[]} rows
 * @returns {string}
 */
export function formatTable(rows) {
	const header = ['name', 'value', 'unit', 'target', 'ok?'];
	const body = rows.map((m) => [
		m.name,
		formatValue(m.value),
		m.unit,
		m.target === undefined ? '' : `${m.better === 'higher' ? '≥' : '≤'} ${formatValue(m.target)}`,
		m.ok === undefined ? '' : m.ok ? 'yes' : 'NO'
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
	/** @param {string[]} cells */
	const line = (cells) =>
		cells
			.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
			.join(' | ')
			.trimEnd();
	const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
	const errors = rows.filter((m) => m.error).map((m) => `  ${m.name}: ${m.error}`);
	return [
		line(header),
		rule,
		...body.map(line),
		...(errors.length ? ['', 'errors:', ...errors] : [])
	].join('\n');
}
