/**
 * When this device last made a backup: kept in localStorage (it is about this device, and Home
 * reads it without opening anything heavy).
 */
const KEY = 'village:last-backup';
/** Home nudges when the last backup is older than this. */
export const BACKUP_NUDGE_DAYS = 30;

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export function lastBackupAt(): string | null {
	const v = storage()?.getItem(KEY) ?? null;
	return v && !Number.isNaN(Date.parse(v)) ? v : null;
}

export function recordBackup(at: string): void {
	try {
		storage()?.setItem(KEY, at);
	} catch {
		// Storage full or blocked: the nudge will simply show again.
	}
}

/** Whether Home should suggest a backup: never made, or over 30 days ago. */
export function backupIsDue(now = new Date(), last = lastBackupAt()): boolean {
	return !last || now.getTime() - Date.parse(last) > BACKUP_NUDGE_DAYS * 86_400_000;
}
