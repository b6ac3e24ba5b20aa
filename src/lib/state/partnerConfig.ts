/**
 * Where this device keeps its partnership's link details (room, secret, signaling servers, its
 * own member id). Tiny and free of libraries, so Home and the Plan step can ask "is there a
 * partnership?" without loading any of the sync code.
 */
export const PARTNER_CONFIG_KEY = 'village:partner';

export function hasPartnership(): boolean {
	try {
		return typeof localStorage !== 'undefined' && localStorage.getItem(PARTNER_CONFIG_KEY) !== null;
	} catch {
		return false;
	}
}
