import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The largest update accepted from another device or partner (before splitting on the sender's
 * side). Bigger ones are refused unread: a hostile peer must not make this page decode megabytes.
 */
export const MAX_REMOTE_UPDATE_BYTES = 4 * 1024 * 1024;

/**
 * Checks an update that arrived from outside before it touches a real document: size, that it
 * decodes, and that it applies cleanly to an empty scratch document (malformed updates throw
 * there — yjs issue #687 — instead of half-changing the real one). Returns the problem in words,
 * or null when the update is safe to apply.
 */
export function checkRemoteUpdate(
	update: Uint8Array,
	maxBytes = MAX_REMOTE_UPDATE_BYTES
): string | null {
	if (!(update instanceof Uint8Array)) return 'not binary data';
	if (update.byteLength === 0) return 'an empty update';
	if (update.byteLength > maxBytes)
		return `too large (${update.byteLength} bytes; the limit is ${maxBytes})`;
	const scratch = new Y.Doc({ gc: false });
	try {
		Y.applyUpdate(scratch, update);
		return null;
	} catch (error) {
		return `damaged (${error instanceof Error ? error.message : String(error)})`;
	} finally {
		scratch.destroy();
	}
}

/**
 * Applies an update from outside with `origin` after `checkRemoteUpdate`. Returns the problem, or
 * null once applied. The document is unchanged when a problem is returned.
 */
export function applyRemoteUpdate(
	doc: Y.Doc,
	update: Uint8Array,
	origin: unknown,
	maxBytes = MAX_REMOTE_UPDATE_BYTES
): string | null {
	const problem = checkRemoteUpdate(update, maxBytes);
	if (problem) return problem;
	try {
		Y.applyUpdate(doc, update, origin);
		return null;
	} catch (error) {
		return `could not be applied (${error instanceof Error ? error.message : String(error)})`;
	}
}

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** One client's consecutive structs as an update, in the V1 format Yjs itself writes. */
function encodeRun(structs: Struct[]): Uint8Array {
	const encoder = new Y.UpdateEncoderV1();
	encoding.writeVarUint(encoder.restEncoder, 1);
	encoding.writeVarUint(encoder.restEncoder, structs.length);
	encoder.writeClient(structs[0]!.id.client);
	encoding.writeVarUint(encoder.restEncoder, structs[0]!.id.clock);
	for (const s of structs) s.write(encoder, 0);
	encoding.writeVarUint(encoder.restEncoder, 0); // no delete set
	return encoder.toUint8Array();
}

/**
 * Splits a Yjs (V1) update into several valid updates of at most about `maxBytes` each, which,
 * applied in any order, give the same document as the original. y-webrtc silently drops a
 * message over 256 KiB (its issues #20, #61), so a large workbook's state is sent this way, and
 * any standard Yjs peer can read the pieces. Cuts fall between structs of one client's run; the
 * delete set travels in the last piece. A single struct bigger than `maxBytes` stays whole.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
	if (update.byteLength <= maxBytes) return [update];
	const { structs } = Y.decodeUpdate(update);
	const pieces: Uint8Array[] = [];
	let run: Struct[] = [];
	let runBytes = 0;
	const flush = () => {
		if (run.length) pieces.push(encodeRun(run));
		run = [];
		runBytes = 0;
	};
	for (const struct of structs) {
		if (struct instanceof Y.Skip) {
			flush();
			continue;
		}
		const size = encodeRun([struct]).byteLength;
		const last = run[run.length - 1];
		const contiguous =
			last !== undefined &&
			last.id.client === struct.id.client &&
			last.id.clock + last.length === struct.id.clock;
		if (!contiguous || runBytes + size > maxBytes) flush();
		run.push(struct);
		runBytes += size;
	}
	flush();
	// The delete set alone: the update minus every struct it holds.
	const deletes = Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(update));
	if (Y.decodeUpdate(deletes).ds.clients.size > 0) pieces.push(deletes);
	return pieces;
}
