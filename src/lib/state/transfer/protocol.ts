import type { DraftStatus, KnownContact } from '../../io/import-plan';
import type { ParseResult } from '../../io/types';
import type { WorkbookSnapshot } from '../../doc/snapshot';

/** Messages between the page and the transfer worker. */
export type WorkerRequest =
	| { kind: 'parse'; bytes: Uint8Array; fileName: string; existing: KnownContact[] }
	| { kind: 'backup'; bytes: Uint8Array; readsUpTo: number };

export type WorkerReply =
	| { kind: 'progress'; done: number }
	| { kind: 'parsed'; result: ParseResult; statuses: DraftStatus[] }
	| {
			kind: 'backup';
			result:
				| { ok: true; snapshot: WorkbookSnapshot; state: Uint8Array; exportedAt: string }
				| { ok: false; message: string };
	  };
