import type { Component } from 'svelte';
import type { Step, StepId } from '$lib/content/steps';
import Goal from './Goal.svelte';

/** The exercise each step shows under its introduction. */
export const STEP_VIEWS: Partial<Record<StepId, Component<{ step: Step }>>> = {
	goal: Goal
};
