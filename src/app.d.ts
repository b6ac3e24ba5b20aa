// The app's global types (SvelteKit's App namespace and our Window additions).
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
	interface Window {
		/** Re-applies the theme from localStorage (defined inline in app.html). */
		villageApplyTheme?: () => void;
	}
}

export {};
