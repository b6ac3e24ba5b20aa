import type { IsoDate } from '../model/records';

/** Where an imported contact came from. */
export type ContactSource = 'vcard' | 'linkedin' | 'google' | 'outlook';

/** One contact read from a file, before anything is written to the workbook. */
export interface ContactDraft {
	name: string;
	emails: string[];
	phones: string[];
	organization?: string;
	title?: string;
	urls: string[];
	note?: string;
	source: ContactSource;
	/** LinkedIn's "Connected On", as `YYYY-MM-DD`. */
	connectedOn?: IsoDate;
	/** The line of the file where this contact starts (1-based). */
	line?: number;
}

/** Something in the file that could not be read, in words for the user. */
export interface ImportError {
	message: string;
	/** The 1-based line of the file it is on, when there is one. */
	line?: number;
}

export interface ParseResult {
	items: ContactDraft[];
	errors: ImportError[];
}

export interface ParseOptions {
	/** Told how far the parser is (0 to 1) every few hundred rows; for a progress bar. */
	onProgress?: (done: number) => void;
}
