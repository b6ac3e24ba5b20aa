/**
 * This device's relays: the addresses of relays (store-and-forward mailboxes, see
 * src/server/relay.js) it uses for partner and device sync on top of those a link names. Kept in
 * this browser only (localStorage), never in the workbook: which server to use is a fact about
 * the device and the people who host for it. Empty by default, so no relay is contacted unless a
 * link or the person names one. Free of sync code, so Settings stays light.
 */
import { relayProblem } from '../model/partner';

const KEY = 'village:relays';

/** The relays in this device's setting, each checked again (storage is outside input too). */
export function deviceRelays(): string[] {
	try {
		const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return Array.isArray(list)
			? list.filter((r): r is string => typeof r === 'string' && relayProblem(r) === null)
			: [];
	} catch {
		return [];
	}
}

export class RelayList {
	urls = $state<string[]>(deviceRelays());

	/** Adds a relay; returns what is wrong with the address instead, changing nothing. */
	add(address: string): string | null {
		const url = address.trim();
		const problem = relayProblem(url);
		if (problem) return problem;
		if (this.urls.includes(url)) return `The relay “${url}” is already in the list.`;
		this.#save([...this.urls, url]);
		return null;
	}

	remove(url: string): void {
		this.#save(this.urls.filter((u) => u !== url));
	}

	#save(urls: string[]) {
		this.urls = urls;
		if (urls.length) localStorage.setItem(KEY, JSON.stringify(urls));
		else localStorage.removeItem(KEY);
	}
}
