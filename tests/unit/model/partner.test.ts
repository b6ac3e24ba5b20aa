import { describe, expect, it } from 'vitest';
import {
	buildLink,
	checkInDue,
	latestCheckIn,
	parseLink,
	reconcile,
	relayProblem,
	relaysFor,
	weekOf,
	type CheckIn
} from '../../../src/lib/model/partner';

const link = {
	room: 'room_ABCdef123',
	secret: 'abcdefghijklmnopqrstuvwxyz_-',
	signal: ['ws://127.0.0.1:4444', 'wss://signal.example.org/path?x=1&y=2'],
	from: 'Alex Kim'
};

describe('invite links', () => {
	it('round-trip room, secret, every signaling server and the inviter name', () => {
		const url = buildLink('http://127.0.0.1:4173', '/partner/join', link);
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/partner\/join#room=room_ABCdef123&secret=/);
		expect(url).toContain('signal=wss%3A%2F%2Fsignal.example.org%2Fpath%3Fx%3D1%26y%3D2');
		expect(parseLink(url)).toEqual({ ok: true, link });
	});

	it('explain what is wrong with a broken link', () => {
		const bad = (hash: string) => {
			const r = parseLink(hash);
			return r.ok ? 'ok' : r.problem;
		};
		expect(bad('http://x/partner/join')).toMatch(/cut off/);
		expect(bad('#secret=abcdefghijklmnopqrstuvwxyz')).toMatch(/no room/);
		expect(bad('#room=room_ABCdef123&signal=ws://a')).toMatch(/no secret/);
		expect(bad('#room=room_ABCdef123&secret=short&signal=ws://a')).toMatch(/too short/);
		expect(bad('#room=room_ABCdef123&secret=abcdefghijklmnopqrstuvwxyz')).toMatch(/no signaling/);
		expect(bad('#room=room_ABCdef123&secret=abcdefghijklmnopqrstuvwxyz&signal=http://a')).toMatch(
			/ws:\/\//
		);
		expect(bad('#room=a%20b&secret=abcdefghijklmnopqrstuvwxyz&signal=ws://a')).toMatch(/room/);
	});
});

describe('relays in links and settings', () => {
	const base = '#room=room_ABCdef123&secret=abcdefghijklmnopqrstuvwxyz&signal=ws://127.0.0.1:9';

	it('round-trip every relay of a link, in order, each once', () => {
		const withRelays = {
			...link,
			relay: ['ws://127.0.0.1:4445', 'wss://relay.example.org/village?team=7']
		};
		const url = buildLink('http://127.0.0.1:4173', '/partner/join', withRelays);
		expect(url).toContain('relay=ws%3A%2F%2F127.0.0.1%3A4445&relay=wss%3A%2F%2Frelay');
		expect(parseLink(url)).toEqual({ ok: true, link: withRelays });
		const twice = parseLink(`${base}&relay=ws://127.0.0.1:4445&relay=ws://127.0.0.1:4445`);
		expect(twice.ok && twice.link.relay).toEqual(['ws://127.0.0.1:4445']);
		const none = parseLink(base);
		expect(none.ok && 'relay' in none.link).toBe(false);
	});

	it('refuse a link whose relay is not a WebSocket address, naming it', () => {
		const r = parseLink(`${base}&relay=ws://127.0.0.1:4445&relay=https://relay.example.org`);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.problem).toMatch(
			/relay “https:\/\/relay\.example\.org” must start with ws:\/\//
		);
		const junk = parseLink(`${base}&relay=not a url`);
		expect(!junk.ok && junk.problem).toMatch(/“not a url” is not a web address/);
	});

	it('check a relay address typed in the settings', () => {
		expect(relayProblem('ws://127.0.0.1:4445')).toBeNull();
		expect(relayProblem('wss://relay.example.org/path')).toBeNull();
		expect(relayProblem('  ')).toMatch(/empty/);
		expect(relayProblem('http://relay.example.org')).toMatch(/ws:\/\/ or wss:\/\//);
		expect(relayProblem('javascript:alert(1)')).toMatch(/must start with ws/);
		expect(relayProblem('wss://me:pw@relay.example.org')).toMatch(/password/);
		expect(relayProblem(`wss://relay.example.org/${'x'.repeat(600)}`)).toMatch(/too long/);
	});

	it('use the link’s relays first, then this device’s, each once', () => {
		expect(relaysFor(['ws://a:1', 'ws://b:2'], ['ws://b:2', 'ws://c:3'])).toEqual([
			'ws://a:1',
			'ws://b:2',
			'ws://c:3'
		]);
		expect(relaysFor(undefined, [])).toEqual([]);
	});
});

describe('check-ins', () => {
	const c = (owner: string, week: string, at: string): CheckIn => ({
		id: `${owner}${at}`,
		owner,
		week,
		at,
		did: '',
		next: '',
		stuck: ''
	});
	it('weeks start on Monday', () => {
		expect(weekOf('2026-12-04')).toBe('2026-11-30');
		expect(weekOf('2026-11-30')).toBe('2026-11-30');
		expect(weekOf('2026-12-06')).toBe('2026-11-30');
	});
	it('finds the latest and whether this week is due', () => {
		const all = [c('a', '2026-11-23', '1'), c('a', '2026-11-30', '2'), c('b', '2026-11-30', '3')];
		expect(latestCheckIn(all, 'a')?.at).toBe('2');
		expect(latestCheckIn(all, 'z')).toBeNull();
		expect(checkInDue(all, 'a', '2026-12-04')).toBe(false);
		expect(checkInDue(all, 'a', '2026-12-07')).toBe(true);
	});
});

describe('reconcile', () => {
	it('lets whichever side moved win, and the owner when both moved', () => {
		expect(reconcile(true, true, false)).toBe('in-step');
		expect(reconcile(false, true, false)).toBe('pull');
		expect(reconcile(true, false, false)).toBe('push');
		expect(reconcile<string | null>('2026-01-02', '2026-01-03', '2026-01-01')).toBe('push');
		expect(reconcile(true, false, undefined)).toBe('push');
	});
});
