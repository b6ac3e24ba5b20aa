import type * as Y from 'yjs';
import { THEMES, type Theme } from '../model/settings';
import { settingsMap } from './schema';

export { THEMES, type Theme };

export interface Settings {
	theme: Theme;
	/** Signaling servers for partner and device sync; the default is this machine's own. */
	signalingUrls: string[];
	/** STUN/TURN servers; none by default, so no third party ever learns this device's address. */
	iceServers: string[];
}

export const DEFAULT_SETTINGS: Settings = {
	theme: 'system',
	signalingUrls: ['ws://127.0.0.1:4444'],
	iceServers: []
};

const isStringArray = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((x) => typeof x === 'string');

export function readSettings(doc: Y.Doc): Settings {
	const map = settingsMap(doc);
	const theme = map.get('theme');
	const signalingUrls = map.get('signalingUrls');
	const iceServers = map.get('iceServers');
	return {
		theme: THEMES.includes(theme as Theme) ? (theme as Theme) : DEFAULT_SETTINGS.theme,
		signalingUrls: isStringArray(signalingUrls) ? signalingUrls : DEFAULT_SETTINGS.signalingUrls,
		iceServers: isStringArray(iceServers) ? iceServers : DEFAULT_SETTINGS.iceServers
	};
}

/** Call inside a transaction. */
export function writeSetting<K extends keyof Settings>(
	doc: Y.Doc,
	key: K,
	value: Settings[K]
): void {
	settingsMap(doc).set(key, value);
}
