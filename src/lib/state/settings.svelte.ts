import { readSettings, settingsMap, writeSetting, type Settings } from '../doc';
import { onTypes, YView } from './reactive.svelte';
import type { WorkbookSession } from './session.svelte';

/** The workbook's settings, live. */
export class SettingsState {
	#view: YView<Settings>;

	constructor(private session: WorkbookSession) {
		this.#view = new YView(onTypes([settingsMap(session.doc)]), () => readSettings(session.doc));
	}

	get current(): Settings {
		return this.#view.current;
	}

	set<K extends keyof Settings>(key: K, value: Settings[K]): void {
		this.session.write((doc) => writeSetting(doc, key, value));
	}
}
