/**
 * The service worker's life as the UI needs it: whether the app is ready offline, and whether
 * a new version is waiting. The waiting version takes over only when the user asks.
 */
export class AppUpdate {
	needRefresh = $state(false);
	offlineReady = $state(false);
	#update: ((reload?: boolean) => Promise<void>) | null = null;

	async start(): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		// Loaded on demand so registering the worker never delays the first screen.
		const { registerSW } = await import('virtual:pwa-register');
		this.#update = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.needRefresh = true),
			onOfflineReady: () => (this.offlineReady = true)
		});
	}

	async apply(): Promise<void> {
		await this.#update?.(true);
	}

	dismiss(): void {
		this.needRefresh = false;
	}
}
