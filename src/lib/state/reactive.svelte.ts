import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';

type Listen = (onChange: () => void) => () => void;

/**
 * A value read from Yjs that re-renders whatever reads it when its source changes, and only
 * then. `read` runs again only after a change, or when nothing is subscribed (then nobody is
 * told of changes and a cached value could be stale).
 *
 * Svelte's advice is to keep foreign objects out of `$state`; this bridges instead: Yjs stays
 * the single source of truth and runes only learn *that* it changed.
 */
export class YView<T> {
	#subscribe: () => void;
	#read: () => T;
	#version = 0;
	#cachedVersion = -1;
	#cached: T | undefined;
	#listening = false;

	constructor(listen: Listen, read: () => T) {
		this.#read = read;
		this.#subscribe = createSubscriber((update) => {
			const stop = listen(() => {
				this.#version++;
				update();
			});
			this.#listening = true;
			return () => {
				this.#listening = false;
				stop();
			};
		});
	}

	get current(): T {
		this.#subscribe();
		if (!this.#listening || this.#cachedVersion !== this.#version) {
			this.#cached = this.#read();
			this.#cachedVersion = this.#version;
		}
		return this.#cached as T;
	}
}

/** The part of a Yjs type that observing needs (Y.Map, Y.Text, Y.Array…). */
interface Observed {
	observe(f: () => void): void;
	unobserve(f: () => void): void;
	observeDeep(f: () => void): void;
	unobserveDeep(f: () => void): void;
}

/** Changes to these types (and, with deep, anything inside them). */
export function onTypes(types: Observed[], deep = false): Listen {
	return (onChange) => {
		for (const t of types) {
			if (deep) t.observeDeep(onChange);
			else t.observe(onChange);
		}
		return () => {
			for (const t of types) {
				if (deep) t.unobserveDeep(onChange);
				else t.unobserve(onChange);
			}
		};
	};
}

/** Any transaction on the document (for wide summaries like Home's progress). */
export function onDoc(doc: Y.Doc): Listen {
	return (onChange) => {
		doc.on('afterTransaction', onChange);
		return () => doc.off('afterTransaction', onChange);
	};
}
