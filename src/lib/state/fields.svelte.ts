import type * as Y from 'yjs';
import {
	answersMap,
	answerText,
	readScalar,
	writeScalar,
	writeText,
	type ScalarAnswer
} from '../doc';
import { onTypes, YView } from './reactive.svelte';
import type { WorkbookSession } from './session.svelte';

/** Changes to the given keys of a Y.Map, and no others. */
function onMapKeys(map: Y.Map<unknown>, keys: string[]) {
	return (onChange: () => void) => {
		const handler = (event: Y.YMapEvent<unknown>) => {
			if (keys.some((k) => event.keysChanged.has(k))) onChange();
		};
		map.observe(handler);
		return () => map.unobserve(handler);
	};
}

/** A free-text answer bound to its Y.Text: reads re-render on any change, writes merge. */
export class TextAnswer {
	#view: YView<string>;

	constructor(
		private session: WorkbookSession,
		readonly key: string
	) {
		const text = answerText(session.doc, key);
		this.#view = new YView(onTypes([text]), () => text.toString());
	}

	get value(): string {
		return this.#view.current;
	}

	set value(next: string) {
		this.session.write((doc) => writeText(doc, this.key, next));
	}
}

/** A scalar answer (date, number, yes/no) in the answers map. */
export class ScalarAnswerField<T extends ScalarAnswer> {
	#view: YView<ScalarAnswer | undefined>;

	constructor(
		private session: WorkbookSession,
		readonly key: string
	) {
		this.#view = new YView(onMapKeys(answersMap(session.doc), [key]), () =>
			readScalar(session.doc, key)
		);
	}

	/** The stored value, or undefined when never answered (or stored with another type). */
	read(valid: (v: unknown) => v is T): T | undefined {
		const v = this.#view.current;
		return valid(v) ? v : undefined;
	}

	write(value: T | undefined): void {
		this.session.write((doc) => writeScalar(doc, this.key, value));
	}
}

export { onMapKeys };
