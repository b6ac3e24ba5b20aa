// @ts-check
/**
 * A standard y-webrtc client in Node (no Village code): joins the room of an invite link and
 * prints the shared commitments' texts as JSON once one equal to `want` has arrived.
 *
 *   node tests/e2e/support/node-peer.js '<invite link>' '<commitment text>'
 *
 * Run it inside the loopback-only namespace (the browser suite does).
 */
import wrtc from '@roamhq/wrtc';
import { WebrtcProvider } from 'y-webrtc';
import WebSocket from 'ws';
import * as Y from 'yjs';

Object.assign(globalThis, { WebSocket });
const [link, want] = process.argv.slice(2);
const params = new URLSearchParams(new URL(String(link)).hash.slice(1));
const doc = new Y.Doc();
const provider = new WebrtcProvider(String(params.get('room')), doc, {
	signaling: params.getAll('signal'),
	password: params.get('secret') ?? undefined,
	peerOpts: { wrtc, config: { iceServers: [] } }
});
const check = () => {
	const texts = Object.values(doc.getMap('commitments').toJSON()).map((c) => c.text);
	if (texts.includes(want)) {
		console.log(JSON.stringify(texts));
		provider.destroy();
		setImmediate(() => process.exit(0));
	}
};
doc.on('update', check);
// A safety net for a broken run, not a wait: the test waits for the output above.
setTimeout(() => {
	console.error('node peer: nothing arrived');
	process.exit(1);
}, 40_000).unref();
