import type { Component } from 'svelte';
import type { Step, StepId } from '$lib/content/steps';

type StepView = Component<{ step: Step }>;

/**
 * The exercise each step shows under its introduction: `views/<step id>.svelte`. Adding a
 * step's screen is adding one file here (and its content in $lib/content/steps.ts).
 */
const modules = import.meta.glob<{ default: StepView }>('./views/*.svelte', { eager: true });

export const STEP_VIEWS: Partial<Record<StepId, StepView>> = Object.fromEntries(
	Object.entries(modules).map(([path, module]) => [
		path.slice('./views/'.length, -'.svelte'.length),
		module.default
	])
);
