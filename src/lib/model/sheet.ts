/**
 * The printable strategy sheet: what of the workbook goes on it, and in which order. A pure
 * function of the workbook's plain data, so the same answers always give the same sheet.
 *
 * ## What is kept (the "top N" rule)
 *
 * The sheet is something to pin above a desk, so it must fit: a typical workbook on one page,
 * the fullest workbook on two at most. Rather than shrink the type until it fits, every list has
 * a fixed cap and a stated order, and what is left out is counted ("+4 more in the workbook"):
 *
 * - milestones: all three; obstacles: the two biggest (`rankObstacles`);
 * - offers: the first `SHEET_LIMITS.offers` written (the user lists the best ones first);
 * - the map: the `mapNodes` strongest relationships (`layoutNetwork`'s own choice);
 * - openness: one line per measure that has a value (at most five);
 * - champions and allies: champions first, then allies, strongest first, at most `champions`;
 * - targets: the open ones (not yet reached) in the order written, at most `targets`, each with
 *   its best `warmPaths` (`warmPathsByTarget`);
 * - nurture next: `nurture` people with the earliest next follow-up (overdue first), people who
 *   matter most (inner circle or key, allies and champions, named as helping the goal) before
 *   the wider network, so a freshly imported address book does not crowd out the inner circle;
 * - rhythm: the `slots` first slots of the week (Monday first); hours per week count them all;
 * - events: not dropped, not in the past, dated ones soonest first, at most `events`;
 * - actions: open ones per 30/60/90-day horizon, dated ones soonest first, at most `actions`
 *   each (done ones are counted).
 *
 * Free text is clipped at a word boundary to `SHEET_TEXT_LIMITS` characters, so one very long
 * answer cannot push the rest onto a third page. With every cap reached and every text at its
 * limit the sheet still fits on two pages of A4 or US Letter (the browser tests print it).
 */
import { answerText, isFilledDate, isFilledText, type Answers } from './answers';
import { nextFollowUp } from './cadence';
import {
	missingSponsor,
	roleCoverage,
	sponsorCandidates,
	STAGE_LABELS,
	warmPathsByTarget,
	type RoleCount
} from './coverage';
import { daysBetween, isIsoDate, minutesOfDay } from './dates';
import { getObstacle, rankObstacles, type ObstacleId } from './diagnosis';
import { GOAL_KEYS, milestonesFrom, type Milestone } from './goal';
import { opennessReport, type OpennessReport } from './openness';
import { weeklyHours } from './plan';
import {
	ROLES,
	type Action,
	type Contact,
	type Id,
	type IsoDate,
	type NetEvent,
	type Role,
	type Slot,
	type SlotKind,
	type Stage,
	type Target,
	type Tie,
	type Tier
} from './records';
import { compareNames } from './names';
import type { StepId } from './stepIds';
import { VALUE_KEYS, valuePartsFrom, type Offer, type OfferKind } from './value';
import { composeValueStatement } from './valueStatement';

/** How many of each list the sheet shows (see the rule at the top of this file). */
export const SHEET_LIMITS = {
	obstacles: 2,
	offers: 3,
	mapNodes: 60,
	champions: 6,
	targets: 3,
	warmPaths: 2,
	nurture: 5,
	slots: 5,
	events: 3,
	actions: 3
} as const;

/** The most characters of free text each kind of answer keeps on the sheet. */
export const SHEET_TEXT_LIMITS = {
	goal: 280,
	milestone: 110,
	value: 320,
	offer: 90,
	advocacy: 90,
	name: 40,
	target: 110,
	event: 60,
	action: 110
} as const;

/** The sheet's sections, in the order they are printed. */
export const SHEET_SECTIONS = [
	'goal',
	'value',
	'obstacles',
	'village',
	'openness',
	'champions',
	'targets',
	'nurture',
	'rhythm',
	'actions'
] as const;
export type SheetSectionId = (typeof SHEET_SECTIONS)[number];

/** The workbook step that fills each section (where an empty section's prompt links to). */
export const SECTION_STEPS: Record<SheetSectionId, StepId> = {
	goal: 'goal',
	value: 'value',
	obstacles: 'diagnose',
	village: 'map',
	openness: 'map',
	champions: 'champions',
	targets: 'goal',
	nurture: 'plan',
	rhythm: 'plan',
	actions: 'plan'
};

/**
 * Trims, folds white space, and cuts `text` to at most `max` characters at a word boundary with
 * an ellipsis. A single word longer than the limit is cut mid-word rather than dropped.
 */
export function clip(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const room = flat.slice(0, Math.max(1, max - 1));
	const space = room.lastIndexOf(' ');
	const cut = space > max * 0.6 ? room.slice(0, space) : room;
	return `${cut.replace(/[\s.,;:–—-]+$/, '')}…`;
}

export interface SheetObstacle {
	id: ObstacleId;
	/** Mean rating, 1–5. */
	score: number;
	fixedBy: StepId;
}

export interface SheetPerson {
	id: Id;
	name: string;
}

export interface SheetChampion extends SheetPerson {
	stage: Stage;
	stageLabel: string;
	/** What they advocate for me, clipped; '' when not written yet. */
	advocacy: string;
	roles: Role[];
}

export interface SheetTarget {
	id: Id;
	/** "Chief Product Officer at Globex" — the profile in one phrase. */
	who: string;
	why: string;
	how: string;
	paths: { id: Id; name: string; reason: string }[];
	/** Warm paths beyond the ones shown. */
	morePaths: number;
}

export interface SheetFollowUp extends SheetPerson {
	due: IsoDate;
	overdue: boolean;
}

export interface SheetSlot {
	id: Id;
	/** ISO weekday, 1 = Monday. */
	weekday: number;
	start: string;
	minutes: number;
	kind: SlotKind;
}

export interface SheetEvent {
	id: Id;
	name: string;
	kind: NetEvent['kind'];
	nextOn: IsoDate | null;
	verdict: NetEvent['verdict'];
}

export interface SheetActions {
	horizon: 30 | 60 | 90;
	open: { id: Id; text: string; due: IsoDate | null; overdue: boolean }[];
	/** Open actions beyond the ones shown. */
	more: number;
	done: number;
}

export interface SheetCoverage {
	contacts: number;
	covered: number;
	counts: Pick<RoleCount, 'role' | 'count'>[];
	missing: Role[];
	/** People with no role ticked yet. */
	noRole: number;
}

/** What a section holds beyond the ones shown, so the sheet can say "+N more". */
export interface Sheet {
	madeOn: IsoDate;
	/** Sections in print order; `empty` ones show a prompt on screen and collapse in print. */
	sections: { id: SheetSectionId; step: StepId; empty: boolean }[];
	goal: {
		statement: string;
		horizon: IsoDate | null;
		/** Whole years from `madeOn` to the horizon (null without one, or when past). */
		years: number | null;
		milestones: Milestone[];
	};
	value: { statement: string; offers: { id: Id; kind: OfferKind; text: string }[]; more: number };
	obstacles: SheetObstacle[];
	village: SheetCoverage;
	/** One plain sentence per measure that has a value. */
	openness: string[];
	champions: { people: SheetChampion[]; more: number; sponsorGap: boolean; candidate: string };
	targets: { items: SheetTarget[]; more: number; reached: number };
	nurture: SheetFollowUp[];
	rhythm: {
		slots: SheetSlot[];
		more: number;
		hoursPerWeek: number;
		events: SheetEvent[];
		moreEvents: number;
	};
	actions: SheetActions[];
}

export interface SheetInput {
	/** Today on the user's calendar: the sheet's date, and what "overdue" is measured from. */
	today: IsoDate;
	/** Every answer, scalar and text (`readAllAnswers`). */
	answers: Answers;
	contacts: readonly Contact[];
	ties: readonly Tie[];
	targets: readonly Target[];
	offers: readonly Offer[];
	events: readonly NetEvent[];
	slots: readonly Slot[];
	actions: readonly Action[];
	/** Keep-in-touch days per tier (`cadenceDefaults`). */
	cadence: Readonly<Record<Tier, number>>;
	/** The zone that turns `createdAt` into a day for never-contacted people (see cadence.ts). */
	timeZone?: string;
}

const STAGE_RANK: Record<Stage, number> = { contact: 0, ally: 1, champion: 2 };

function byStrength(a: Contact, b: Contact): number {
	return (
		(b.strength || 0) - (a.strength || 0) ||
		compareNames(a.name, b.name) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

function personName(c: Pick<Contact, 'name'>): string {
	return clip(c.name, SHEET_TEXT_LIMITS.name) || 'Unnamed';
}

/** Dated items soonest first, then undated ones in the order they were written. */
function soonestFirst<T extends { id: Id }>(due: (item: T) => IsoDate | null) {
	return (a: T, b: T) => {
		const da = due(a);
		const db = due(b);
		if (da && db && da !== db) return da < db ? -1 : 1;
		if (da && !db) return -1;
		if (!da && db) return 1;
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	};
}

function goalOf(answers: Answers, today: IsoDate): Sheet['goal'] {
	const horizonValue = answers[GOAL_KEYS.horizon];
	const horizon = isFilledDate(horizonValue) ? horizonValue : null;
	const days = horizon ? daysBetween(today, horizon) : null;
	return {
		statement: clip(answerText(answers[GOAL_KEYS.statement]), SHEET_TEXT_LIMITS.goal),
		horizon,
		years: days !== null && days >= 0 ? Math.round(days / 365.25) : null,
		milestones: milestonesFrom(answers).map((m) => ({
			...m,
			text: clip(m.text, SHEET_TEXT_LIMITS.milestone)
		}))
	};
}

function valueOf(answers: Answers, offers: readonly Offer[]): Sheet['value'] {
	// The statement the user wrote wins; until then, the one the builder composes from the parts.
	const written = answers[VALUE_KEYS.statement];
	const statement = isFilledText(written)
		? written
		: composeValueStatement(valuePartsFrom(answers));
	const listed = offers.filter((o) => isFilledText(o.text));
	return {
		statement: clip(statement, SHEET_TEXT_LIMITS.value),
		offers: listed.slice(0, SHEET_LIMITS.offers).map((o) => ({
			id: o.id,
			kind: o.kind,
			text: clip(o.text, SHEET_TEXT_LIMITS.offer)
		})),
		more: Math.max(0, listed.length - SHEET_LIMITS.offers)
	};
}

function percent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/** The openness measures in one plain sentence each, only those with something to say. */
export function opennessLines(report: OpennessReport): string[] {
	const lines: string[] = [];
	const { inside, similar, diversity, selfIntroduced, structure } = report;
	// Short enough for one printed line each in a column of the sheet.
	if (inside.share !== null)
		lines.push(`${percent(inside.share)} work inside your own organisation.`);
	if (similar.share !== null) lines.push(`${percent(similar.share)} are much like you.`);
	const spread = (['industry', 'function', 'seniority'] as const)
		.map((d) => diversity[d])
		.filter((d) => d.index !== null && d.categories > 0);
	if (spread.length > 0) {
		const words = { industry: 'industries', function: 'functions', seniority: 'levels' };
		const parts = spread.map((d) => `${d.categories} ${words[d.dimension]}`);
		lines.push(`They span ${parts.join(', ')}.`);
	}
	if (selfIntroduced.share !== null) {
		const whom = selfIntroduced.scope === 'key' ? 'key people' : 'people';
		lines.push(
			selfIntroduced.inbred
				? `${percent(selfIntroduced.share)} of ${whom} met on your own: ask for introductions.`
				: `${percent(selfIntroduced.share)} of ${whom} met on your own; others open doors too.`
		);
	}
	if (structure.effectiveSize !== null && structure.contacts > 1)
		lines.push(
			`${structure.contacts} people, like ${Math.round(structure.effectiveSize)} separate doors.`
		);
	return lines;
}

function championsOf(contacts: readonly Contact[]): Sheet['champions'] {
	const backers = contacts
		.filter((c) => c.stage === 'champion' || c.stage === 'ally')
		.sort((a, b) => STAGE_RANK[b.stage] - STAGE_RANK[a.stage] || byStrength(a, b));
	const gap = missingSponsor(contacts);
	const candidate = gap ? sponsorCandidates(contacts)[0] : undefined;
	return {
		people: backers.slice(0, SHEET_LIMITS.champions).map((c) => ({
			id: c.id,
			name: personName(c),
			stage: c.stage,
			stageLabel: STAGE_LABELS[c.stage],
			advocacy: clip(c.advocacy, SHEET_TEXT_LIMITS.advocacy),
			roles: ROLES.filter((r) => c.roles.includes(r))
		})),
		more: Math.max(0, backers.length - SHEET_LIMITS.champions),
		sponsorGap: gap,
		candidate: candidate ? personName(candidate.contact) : ''
	};
}

function targetsOf(targets: readonly Target[], contacts: readonly Contact[]): Sheet['targets'] {
	const open = targets.filter((t) => !t.reachedContactId && (t.role.trim() || t.org.trim()));
	const shown = open.slice(0, SHEET_LIMITS.targets);
	// One more than shown, to know whether there are more.
	const paths = warmPathsByTarget(shown, contacts, SHEET_LIMITS.warmPaths + 1);
	return {
		items: shown.map((t) => {
			const found = paths.get(t.id) ?? [];
			const role = t.role.replace(/\s+/g, ' ').trim();
			const where = (t.org || t.industry).replace(/\s+/g, ' ').trim();
			const who = role && where ? `${role}, ${t.org.trim() ? 'at' : 'in'} ${where}` : role || where;
			return {
				id: t.id,
				who: clip(who, SHEET_TEXT_LIMITS.target),
				why: clip(t.why, SHEET_TEXT_LIMITS.target),
				how: clip(t.how, SHEET_TEXT_LIMITS.target),
				paths: found.slice(0, SHEET_LIMITS.warmPaths).map((p) => ({
					id: p.contact.id,
					name: personName(p.contact),
					reason: p.reason
				})),
				morePaths: found.length > SHEET_LIMITS.warmPaths ? 1 : 0
			};
		}),
		more: Math.max(0, open.length - SHEET_LIMITS.targets),
		reached: targets.filter((t) => t.reachedContactId).length
	};
}

/** Inner circle, key, allies, champions and people named as helping the goal come first. */
function mattersMost(c: Contact): boolean {
	return c.tier !== 'wider' || c.stage !== 'contact' || c.helpsGoal;
}

function nurtureOf(
	contacts: readonly Contact[],
	today: IsoDate,
	cadence: Readonly<Record<Tier, number>>,
	timeZone: string | undefined
): SheetFollowUp[] {
	const due: { contact: Contact; due: IsoDate; first: boolean }[] = [];
	for (const contact of contacts) {
		const day = nextFollowUp(contact, cadence, { timeZone });
		if (day) due.push({ contact, due: day, first: mattersMost(contact) });
	}
	due.sort(
		(a, b) =>
			Number(b.first) - Number(a.first) ||
			(a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
			byStrength(a.contact, b.contact)
	);
	return due.slice(0, SHEET_LIMITS.nurture).map(({ contact, due: day }) => ({
		id: contact.id,
		name: personName(contact),
		due: day,
		overdue: daysBetween(today, day) < 0
	}));
}

function rhythmOf(
	slots: readonly Slot[],
	events: readonly NetEvent[],
	today: IsoDate
): Sheet['rhythm'] {
	const valid = slots
		.filter((s) => Number.isInteger(s.weekday) && s.weekday >= 1 && s.weekday <= 7)
		.filter((s) => minutesOfDay(s.start) !== null)
		.sort(
			(a, b) =>
				a.weekday - b.weekday ||
				(minutesOfDay(a.start) ?? 0) - (minutesOfDay(b.start) ?? 0) ||
				(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
		);
	const upcoming = events
		.filter((e) => e.name.trim() !== '' && e.verdict !== 'drop')
		.filter((e) => !isIsoDate(e.nextOn) || e.nextOn >= today)
		.sort(soonestFirst((e) => (isIsoDate(e.nextOn) ? e.nextOn : null)));
	return {
		slots: valid.slice(0, SHEET_LIMITS.slots).map((s) => ({
			id: s.id,
			weekday: s.weekday,
			start: s.start,
			minutes: s.minutes,
			kind: s.kind
		})),
		more: Math.max(0, valid.length - SHEET_LIMITS.slots),
		hoursPerWeek: weeklyHours(valid),
		events: upcoming.slice(0, SHEET_LIMITS.events).map((e) => ({
			id: e.id,
			name: clip(e.name, SHEET_TEXT_LIMITS.event),
			kind: e.kind,
			nextOn: isIsoDate(e.nextOn) ? e.nextOn : null,
			verdict: e.verdict
		})),
		moreEvents: Math.max(0, upcoming.length - SHEET_LIMITS.events)
	};
}

function actionsOf(actions: readonly Action[], today: IsoDate): SheetActions[] {
	return ([30, 60, 90] as const).map((horizon) => {
		const mine = actions.filter((a) => a.horizon === horizon && a.text.trim() !== '');
		const open = mine
			.filter((a) => !a.done)
			.sort(soonestFirst((a) => (isIsoDate(a.due) ? a.due : null)));
		return {
			horizon,
			open: open.slice(0, SHEET_LIMITS.actions).map((a) => ({
				id: a.id,
				text: clip(a.text, SHEET_TEXT_LIMITS.action),
				due: isIsoDate(a.due) ? a.due : null,
				overdue: isIsoDate(a.due) && daysBetween(today, a.due) < 0
			})),
			more: Math.max(0, open.length - SHEET_LIMITS.actions),
			done: mine.length - open.length
		};
	});
}

/** The whole sheet from the workbook's data. */
export function buildSheet(input: SheetInput): Sheet {
	const { today, answers, contacts } = input;
	const coverage = roleCoverage(contacts);
	const sheet: Omit<Sheet, 'sections'> = {
		madeOn: today,
		goal: goalOf(answers, today),
		value: valueOf(answers, input.offers),
		obstacles: rankObstacles(answers)
			.slice(0, SHEET_LIMITS.obstacles)
			.map((o) => ({ id: o.id, score: o.score, fixedBy: getObstacle(o.id).fixedBy })),
		village: {
			contacts: contacts.length,
			covered: coverage.covered,
			counts: coverage.counts.map(({ role, count }) => ({ role, count })),
			missing: coverage.gaps.map((g) => g.role),
			noRole: contacts.filter((c) => c.roles.length === 0).length
		},
		openness: contacts.length > 0 ? opennessLines(opennessReport(contacts, input.ties)) : [],
		champions: championsOf(contacts),
		targets: targetsOf(input.targets, contacts),
		nurture: nurtureOf(contacts, today, input.cadence, input.timeZone),
		rhythm: rhythmOf(input.slots, input.events, today),
		actions: actionsOf(input.actions, today)
	};
	const empty: Record<SheetSectionId, boolean> = {
		goal: sheet.goal.statement === '' && sheet.goal.milestones.length === 0,
		value: sheet.value.statement === '' && sheet.value.offers.length === 0,
		obstacles: sheet.obstacles.length === 0,
		village: contacts.length === 0,
		openness: sheet.openness.length === 0,
		champions: sheet.champions.people.length === 0 && contacts.length === 0,
		targets: sheet.targets.items.length === 0,
		nurture: sheet.nurture.length === 0,
		rhythm: sheet.rhythm.slots.length === 0 && sheet.rhythm.events.length === 0,
		actions: sheet.actions.every((a) => a.open.length === 0 && a.done === 0)
	};
	return {
		...sheet,
		sections: SHEET_SECTIONS.map((id) => ({ id, step: SECTION_STEPS[id], empty: empty[id] }))
	};
}

/** Letter is the paper of the Americas' Letter countries; everywhere else prints on A4. */
export const LETTER_REGIONS: ReadonlySet<string> = new Set([
	'US',
	'CA',
	'MX',
	'PR',
	'PH',
	'CL',
	'CO',
	'VE',
	'CR',
	'GT',
	'SV',
	'NI',
	'HN',
	'PA',
	'DO',
	'BZ'
]);

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/**
 * The paper a browser's locales suggest: Letter when the first locale naming a region names a
 * Letter country (en-US, en-CA, fr-CA, es-MX…), A4 otherwise (including no region at all).
 */
export function defaultPaperFor(locales: readonly string[]): PaperSize {
	for (const locale of locales) {
		let region: string | undefined;
		try {
			// Only a region the locale names: "en" alone says nothing about paper.
			region = new Intl.Locale(locale.replace(/_/g, '-')).region;
		} catch {
			continue;
		}
		if (region) return LETTER_REGIONS.has(region.toUpperCase()) ? 'letter' : 'a4';
	}
	return 'a4';
}

export function isPaperSize(value: unknown): value is PaperSize {
	return value === 'a4' || value === 'letter';
}
