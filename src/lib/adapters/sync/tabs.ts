import * as Y from 'yjs';
import type { SyncConnection } from './types';

type Message =
	| { type: 'hello'; from: string; stateVector: Uint8Array }
	| { type: 'update'; from: string; to?: string; update: Uint8Array };

function isMessage(data: unknown): data is Message {
	if (typeof data !== 'object' || data === null) return false;
	const m = data as Record<string, unknown>;
	if (typeof m.from !== 'string') return false;
	if (m.type === 'hello') return m.stateVector instanceof Uint8Array;
	if (m.type === 'update') return m.update instanceof Uint8Array;
	return false;
}

/**
 * Keeps every open tab of this device's workbook live in sync over a BroadcastChannel.
 * On joining, a tab says hello with its state vector; each tab that hears it answers with
 * exactly what the newcomer lacks and says hello back, so both end up with everything.
 * Afterwards each local change is broadcast as it happens. Updates that arrive are applied
 * with `remoteOrigin`, so undo in this tab never reverts another tab's typing.
 */
export function connectTabs(
	doc: Y.Doc,
	channelName: string,
	remoteOrigin: unknown
): SyncConnection {
	const channel = new BroadcastChannel(channelName);
	const me = crypto.randomUUID();

	const send = (message: Message) => channel.postMessage(message);
	const sendHello = () => send({ type: 'hello', from: me, stateVector: Y.encodeStateVector(doc) });

	const onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin !== remoteOrigin) send({ type: 'update', from: me, update });
	};

	channel.onmessage = (event: MessageEvent<unknown>) => {
		const message = event.data;
		if (!isMessage(message) || message.from === me) return;
		if (message.type === 'hello') {
			const missing = Y.encodeStateAsUpdate(doc, message.stateVector);
			send({ type: 'update', from: me, to: message.from, update: missing });
			// Answer a newcomer's hello with ours once, so it sends back what we lack.
			if (!known.has(message.from)) {
				known.add(message.from);
				sendHello();
			}
		} else if (message.to === undefined || message.to === me) {
			try {
				Y.applyUpdate(doc, message.update, remoteOrigin);
			} catch (error) {
				console.error('Village: ignored a malformed update from another tab', error);
			}
		}
	};
	const known = new Set<string>();

	doc.on('update', onUpdate);
	sendHello();

	return {
		close() {
			doc.off('update', onUpdate);
			channel.close();
		}
	};
}
