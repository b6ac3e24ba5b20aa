import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	readAllAnswers,
	readDate,
	readNumber,
	readScalar,
	readText,
	writeScalar,
	writeText
} from '../../../src/lib/doc/answers';
import { answersMap } from '../../../src/lib/doc/schema';
import { DEFAULT_SETTINGS, readSettings, writeSetting } from '../../../src/lib/doc/settings';

describe('answers', () => {
	it('keeps texts and scalars and reads them all back as plain values', () => {
		const doc = new Y.Doc();
		doc.transact(() => {
			writeText(doc, 'goal.statement', 'Lead a climate product team');
			writeScalar(doc, 'goal.horizon', '2029-11-25');
			writeScalar(doc, 'diagnose.mindset.1', 4);
		});
		expect(readText(doc, 'goal.statement')).toBe('Lead a climate product team');
		expect(readDate(doc, 'goal.horizon')).toBe('2029-11-25');
		expect(readNumber(doc, 'diagnose.mindset.1')).toBe(4);
		expect(readAllAnswers(doc)).toEqual({
			'goal.statement': 'Lead a climate product team',
			'goal.horizon': '2029-11-25',
			'diagnose.mindset.1': 4
		});
	});

	it('clears a scalar with undefined and ignores stored values that are not plain', () => {
		const doc = new Y.Doc();
		doc.transact(() => writeScalar(doc, 'goal.horizon', '2030-01-01'));
		doc.transact(() => writeScalar(doc, 'goal.horizon', undefined));
		expect(readScalar(doc, 'goal.horizon')).toBeUndefined();
		answersMap(doc).set('weird', { nested: true });
		answersMap(doc).set('nan', Number.NaN);
		expect(readScalar(doc, 'weird')).toBeUndefined();
		expect(readAllAnswers(doc)).toEqual({});
		expect(readDate(doc, 'nan')).toBeNull();
	});

	it('merges two devices typing into the same empty answer', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.transact(() => writeText(a, 'value.how', 'coaching'));
		b.transact(() => writeText(b, 'value.how', 'workshops'));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const merged = readText(a, 'value.how');
		expect(merged).toBe(readText(b, 'value.how'));
		expect(merged).toContain('coaching');
		expect(merged).toContain('workshops');
	});
});

describe('settings', () => {
	it('defaults to loopback-only sync with no STUN server', () => {
		const settings = readSettings(new Y.Doc());
		expect(settings).toEqual(DEFAULT_SETTINGS);
		expect(settings.iceServers).toEqual([]);
		expect(settings.signalingUrls.every((u) => u.startsWith('ws://127.0.0.1'))).toBe(true);
	});

	it('falls back to defaults for invalid stored settings', () => {
		const doc = new Y.Doc();
		doc.getMap('settings').set('theme', 'neon');
		doc.getMap('settings').set('signalingUrls', [1, 2]);
		expect(readSettings(doc).theme).toBe('system');
		expect(readSettings(doc).signalingUrls).toEqual(DEFAULT_SETTINGS.signalingUrls);
		doc.transact(() => writeSetting(doc, 'theme', 'dark'));
		expect(readSettings(doc).theme).toBe('dark');
	});
});
