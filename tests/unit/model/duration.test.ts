import { describe, expect, it } from 'vitest';
import { formatMinutes } from '$lib/model/duration';

describe('formatMinutes', () => {
	it('says minutes, hours, or both', () => {
		expect(formatMinutes(45)).toBe('45 min');
		expect(formatMinutes(60)).toBe('1 hour');
		expect(formatMinutes(120)).toBe('2 hours');
		expect(formatMinutes(150)).toBe('2 h 30 min');
	});

	it('calls nothing, or nonsense, no time', () => {
		expect(formatMinutes(0)).toBe('no time');
		expect(formatMinutes(-5)).toBe('no time');
		expect(formatMinutes(Number.NaN)).toBe('no time');
	});
});
