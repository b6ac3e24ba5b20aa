import type { DraftStatus, KnownContact } from '../../io/import-plan';
import type { ParseResult } from '../../io/types';
import type { WorkbookSnapshot } from '../../doc/snapshot';

/** Messages between the page and the transfer worker. */
export type WorkerRequest =
	| { kind: 'parse'; bytes: Uint8Array; fileName: string; existing: KnownContact[] }
	| { kind: 'backup'; bytes: Uint8Array; readsUpTo: number };

export type WorkerReply =
	| { kind: 'progress'; done: number }
	/** Part of a parse's contacts, sent ahead of the 'parsed' reply that ends it. */
	| { kind: 'part'; items: ParseResult['items']; statuses: DraftStatus[] }
	| { kind: 'parsed'; result: ParseResult; statuses: DraftStatus[] }
	| {
			kind: 'backup';
			result:
				| { ok: true; snapshot: WorkbookSnapshot; state: Uint8Array; exportedAt: string }
				| { ok: false; message: string };
	  };

/**
 * Contacts per message: the page reads each message in one task, and 10,000 contacts in one
 * message took over 100 ms to read.
 */
export const PART_SIZE = 1000;
