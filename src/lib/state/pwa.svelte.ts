/**
 * The service worker's life as the UI needs it: whether the app is ready offline, and whether
 * a new version is waiting. The waiting version takes over only when the user asks.
 *
 * Written against the Service Worker API directly rather than workbox-window: this is all the
 * app needs of it, and it keeps 2 KB of gzipped JavaScript off the first screen. The generated
 * worker (vite-plugin-pwa, registerType 'prompt') skips waiting when sent SKIP_WAITING.
 */
export class AppUpdate {
	needRefresh = $state(false);
	offlineReady = $state(false);
	#registration: ServiceWorkerRegistration | null = null;

	async start(scriptUrl = '/sw.js'): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		const container = navigator.serviceWorker;
		const registration = await container.register(scriptUrl, { scope: '/' });
		this.#registration = registration;
		const watch = (worker: ServiceWorker | null) => {
			worker?.addEventListener('statechange', () => {
				if (worker.state === 'installed') {
					// With a controller this is an update; without one, the first install.
					if (container.controller) this.needRefresh = true;
				} else if (worker.state === 'activated' && !container.controller) {
					this.offlineReady = true;
				}
			});
		};
		if (registration.waiting && container.controller) this.needRefresh = true;
		watch(registration.installing);
		registration.addEventListener('updatefound', () => watch(registration.installing));
	}

	/** Lets the waiting version take over, then reloads into it. */
	async apply(): Promise<void> {
		const waiting = this.#registration?.waiting;
		if (!waiting) {
			location.reload();
			return;
		}
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
			once: true
		});
		waiting.postMessage({ type: 'SKIP_WAITING' });
	}

	dismiss(): void {
		this.needRefresh = false;
	}
}
