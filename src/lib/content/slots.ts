import type { SlotKind } from '../model/records';

/** Slots on Home and in the plan step (re-exported by labels.ts with the other tables). */
export const SLOT_KIND_LABELS: Record<SlotKind, string> = {
	coffee: 'Coffee',
	lunch: 'Lunch',
	call: 'Call',
	event: 'Event'
};
