/**
 * The strategy sheet's words: section titles, the one-line prompt an empty section shows on
 * screen (it links to the step that fills it), and labels for the sheet's small lists.
 */
import type { SheetSectionId, PaperSize } from '../model/sheet';
import type { SlotKind, Stage } from '../model/records';

export const SHEET_TITLES: Record<SheetSectionId, string> = {
	goal: 'Where I am heading',
	value: 'The value I bring',
	obstacles: 'What holds me back, and the answer',
	village: 'My village',
	openness: 'How open my network is',
	champions: 'Champions and allies',
	targets: 'People I need to meet',
	nurture: 'Five relationships to nurture next',
	rhythm: 'My weekly rhythm',
	actions: 'Next 30, 60 and 90 days'
};

export const SHEET_PROMPTS: Record<SheetSectionId, string> = {
	goal: 'Name where you want to be in 3–5 years and three milestones on the way.',
	value: 'Write your value statement and what you can offer others.',
	obstacles: 'Rate the statements to see what holds you back most.',
	village: 'Add the people in your network and the roles they play.',
	openness: 'Say who is inside your organisation and how you met, to see how open it is.',
	champions: 'Move the people who back you along to ally and champion.',
	targets: 'Describe the people you still need to know.',
	nurture: 'Add people to see who to get back in touch with next.',
	rhythm: 'Set a weekly networking slot and the events to try.',
	actions: 'Write your 30, 60 and 90-day actions.'
};

export const SLOT_KIND_LABELS: Record<SlotKind, string> = {
	coffee: 'Coffee',
	lunch: 'Lunch',
	call: 'Call',
	event: 'Event'
};

/** ISO weekdays, 1 = Monday. */
export const WEEKDAY_LABELS: Record<number, string> = {
	1: 'Mon',
	2: 'Tue',
	3: 'Wed',
	4: 'Thu',
	5: 'Fri',
	6: 'Sat',
	7: 'Sun'
};

export const STAGE_SHEET_LABELS: Record<Stage, string> = {
	contact: 'Contact',
	ally: 'Ally',
	champion: 'Champion'
};

export const PAPER_LABELS: Record<PaperSize, string> = {
	a4: 'A4',
	letter: 'US Letter'
};

/** The CSS `@page` size keyword of each paper. */
export const PAPER_CSS: Record<PaperSize, string> = {
	a4: 'A4',
	letter: 'letter'
};
