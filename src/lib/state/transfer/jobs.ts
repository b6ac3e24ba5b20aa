/**
 * The work on untrusted files, done the same way in a worker and (in tests, or where workers
 * are missing) on the page: parse a contacts file; check a backup and load it into a scratch
 * document.
 */
import { loadUntrusted } from '../../doc/snapshot';
import { readBackup } from '../../io/backup';
import { parseContactsFile } from '../../io/contacts';
import { classifyDrafts } from '../../io/import-plan';
import type { WorkerReply, WorkerRequest } from './protocol';

export function runJob(
	request: WorkerRequest,
	progress: (done: number) => void = () => {}
): WorkerReply {
	if (request.kind === 'parse') {
		// Parsing is most of the work; comparing with the workbook's contacts is quick.
		const result = parseContactsFile(request.bytes, request.fileName, {
			onProgress: (done) => progress(done * 0.95)
		});
		const statuses = classifyDrafts(result.items, request.existing);
		progress(1);
		return { kind: 'parsed', result, statuses };
	}
	const read = readBackup(request.bytes, request.readsUpTo);
	if (!read.ok) return { kind: 'backup', result: read };
	progress(0.5);
	const loaded = loadUntrusted(read.backup.state, request.readsUpTo);
	if (!loaded.ok) return { kind: 'backup', result: loaded };
	return {
		kind: 'backup',
		result: {
			ok: true,
			snapshot: loaded.snapshot,
			state: loaded.state,
			exportedAt: read.backup.exportedAt
		}
	};
}
