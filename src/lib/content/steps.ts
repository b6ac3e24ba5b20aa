/**
 * The seven workbook steps as data: what each asks, why it matters, and which answers it
 * stores. One route renders any step from this list. The wording paraphrases the article the
 * method comes from (credited in `ARTICLE_CREDIT`); the obstacles of step 1 come from
 * `model/diagnosis.ts`, so they are written once.
 *
 * Records (contacts, conversations, slots…) are not fields: a step names them in `lists` and
 * the people and plan screens build them.
 */
import { OBSTACLES, reflectionKey, statementKey } from '../model/diagnosis';
import { GOAL_KEYS } from '../model/goal';
import {
	CADENCE_MAX_DAYS,
	CADENCE_MIN_DAYS,
	cadenceKey,
	DEFAULT_CADENCE_DAYS
} from '../model/plan';
import { TIER_LABELS, TIERS } from '../model/records';
import { STEP_IDS, isStepId, type StepId } from '../model/stepIds';
import { VALUE_KEYS } from '../model/value';
import { OBSTACLE_QUESTIONS } from './diagnosis';
import { outlineOf, type StepOutline } from './outline';

export { STEP_IDS, isStepId, type StepId };
export { ARTICLE_CREDIT, STEP_OUTLINE, type StepOutline } from './outline';

export type StepNumber = StepOutline['number'];

/** 'text' and 'longtext' are stored as collaborative text, the others as plain values. */
export type FieldKind = 'text' | 'longtext' | 'date' | 'rating' | 'number';

interface FieldBase {
	/** Unique within its step. */
	id: string;
	/** The answer key in storage: `${stepId}.${id}`. */
	key: string;
	kind: FieldKind;
	label: string;
	hint?: string;
	placeholder?: string;
	/** Needed for the step to count as done. */
	required?: boolean;
	/** The `FieldGroup` it is shown under, when the step has groups. */
	group?: string;
}

export interface TextField extends FieldBase {
	kind: 'text' | 'longtext';
}

/** Stored as an `IsoDate` string. */
export interface DateField extends FieldBase {
	kind: 'date';
}

/** Stored as a whole number from 1 to 5. */
export interface RatingField extends FieldBase {
	kind: 'rating';
}

/** Stored as a whole number from `min` to `max`, in `unit`. */
export interface NumberField extends FieldBase {
	kind: 'number';
	min: number;
	max: number;
	unit: string;
}

export type Field = TextField | DateField | RatingField | NumberField;

/** A set of fields shown together, such as one obstacle's statements. */
export interface FieldGroup {
	id: string;
	title: string;
	intro?: string;
}

/** A list of records a step works with, described for the person filling it in. */
export interface StepList {
	id: string;
	title: string;
	description: string;
}

export interface Step extends StepOutline {
	/** Why the step matters: two or three sentences. */
	why: string;
	/** Coaching questions to think with. */
	prompts: readonly string[];
	fields: readonly Field[];
	groups: readonly FieldGroup[];
	lists: readonly StepList[];
}

type FieldSpec =
	| Omit<TextField, 'key'>
	| Omit<DateField, 'key'>
	| Omit<RatingField, 'key'>
	| Omit<NumberField, 'key'>;

function fieldsOf(stepId: StepId, specs: readonly FieldSpec[]): Field[] {
	return specs.map((spec) => ({ ...spec, key: `${stepId}.${spec.id}` }));
}

/** The key a field gets, without the step prefix: `GOAL_KEYS.statement` → 'statement'. */
function idOf(key: string): string {
	return key.slice(key.indexOf('.') + 1);
}

const diagnose: Step = {
	...outlineOf('diagnose'),
	why: 'Most of us were told to network and did more of it: more events, more business cards, more followers, and hope. Before changing how you network, look honestly at what gets in your way. Rate a few statements; the obstacles that score highest shape the rest of the workbook.',
	prompts: [
		'Which of these statements made you wince a little?',
		'When did networking last feel worthwhile? What was different that time?',
		'If nothing changed, what would your network look like in three years?'
	],
	groups: OBSTACLES.map((o) => ({
		id: o.id,
		title: o.name,
		intro: OBSTACLE_QUESTIONS[o.id].summary
	})),
	fields: fieldsOf(
		'diagnose',
		OBSTACLES.flatMap((o): FieldSpec[] => [
			...OBSTACLE_QUESTIONS[o.id].statements.map((statement, i): FieldSpec => ({
				id: idOf(statementKey(o.id, i + 1)),
				kind: 'rating',
				label: statement,
				hint: '1 = not like me, 5 = very like me',
				required: true,
				group: o.id
			})),
			{
				id: idOf(reflectionKey(o.id)),
				kind: 'text',
				label: OBSTACLE_QUESTIONS[o.id].reflectionPrompt,
				hint: 'One line is plenty.',
				group: o.id
			}
		])
	),
	lists: []
};

const goal: Step = {
	...outlineOf('goal'),
	why: 'A network without a purpose is just a crowd. Once you name where you want to be in three to five years, you can see who already helps you get there and who you still need to meet.',
	prompts: [
		'What would you love to be doing in three to five years?',
		'What would have to be true a year from now for you to be on track?',
		'Who do you already know who could help you get there?',
		'Who do you need to know that you have not met yet?'
	],
	groups: [
		{
			id: 'milestones',
			title: 'Milestones',
			intro: 'Three stepping stones between today and your goal. Start with the nearest one.'
		}
	],
	fields: fieldsOf('goal', [
		{
			id: idOf(GOAL_KEYS.statement),
			kind: 'longtext',
			label: 'Where do you want to be in 3–5 years?',
			hint: 'Be specific enough that a friend could tell whether you got there.',
			placeholder: 'Leading a product team of twenty in a health-tech organisation',
			required: true
		},
		{
			id: idOf(GOAL_KEYS.horizon),
			kind: 'date',
			label: 'By when?',
			hint: 'Three to five years out: far enough to be ambitious, near enough to plan for.',
			required: true
		},
		{
			id: idOf(GOAL_KEYS.milestone1),
			kind: 'text',
			label: 'First milestone',
			placeholder: 'Lead a cross-team project',
			required: true,
			group: 'milestones'
		},
		{
			id: idOf(GOAL_KEYS.milestone1Due),
			kind: 'date',
			label: 'First milestone: by when?',
			group: 'milestones'
		},
		{
			id: idOf(GOAL_KEYS.milestone2),
			kind: 'text',
			label: 'Second milestone',
			placeholder: 'Manage a team of my own',
			group: 'milestones'
		},
		{
			id: idOf(GOAL_KEYS.milestone2Due),
			kind: 'date',
			label: 'Second milestone: by when?',
			group: 'milestones'
		},
		{
			id: idOf(GOAL_KEYS.milestone3),
			kind: 'text',
			label: 'Third milestone',
			placeholder: 'Be known outside my organisation for what I do',
			group: 'milestones'
		},
		{
			id: idOf(GOAL_KEYS.milestone3Due),
			kind: 'date',
			label: 'Third milestone: by when?',
			group: 'milestones'
		}
	]),
	lists: [
		{
			id: 'helpers',
			title: 'People who can help',
			description: 'Contacts you already have who could help you towards this goal.'
		},
		{
			id: 'targets',
			title: 'People I need to know',
			description:
				'Profiles, not names yet: a role, an organisation or industry, and why they matter for your goal. Village looks for warm paths to each through the people you know.'
		}
	]
};

const value: Step = {
	...outlineOf('value'),
	why: 'When you can say how your work helps others succeed, networking stops feeling like asking for favours: you have something to offer in every conversation. A clear value statement also makes you credible and easy to recommend.',
	prompts: [
		'Which results from the last two years are you proudest of?',
		'What do colleagues come to you for?',
		'Which of your skills, resources or contacts could save someone else time?'
	],
	groups: [
		{
			id: 'builder',
			title: 'Build your statement',
			intro: 'Four short answers; Village puts them together and you polish the result.'
		}
	],
	fields: fieldsOf('value', [
		{
			id: idOf(VALUE_KEYS.whoIHelp),
			kind: 'text',
			label: 'Who do you help?',
			hint: 'A group of people, as specific as you can make it.',
			placeholder: 'first-time managers in retail',
			group: 'builder'
		},
		{
			id: idOf(VALUE_KEYS.outcome),
			kind: 'text',
			label: 'What changes for them?',
			hint: 'Start with a verb.',
			placeholder: 'build teams that stay',
			group: 'builder'
		},
		{
			id: idOf(VALUE_KEYS.how),
			kind: 'text',
			label: 'How do you do it?',
			hint: 'Your way of working: a method, a habit, a skill.',
			placeholder: 'coaching them through their first ninety days',
			group: 'builder'
		},
		{
			id: idOf(VALUE_KEYS.evidence),
			kind: 'text',
			label: 'What result shows it works?',
			hint: 'A result with a number in it is the most convincing.',
			placeholder: 'Staff turnover in my stores fell by a third last year',
			group: 'builder'
		},
		{
			id: idOf(VALUE_KEYS.statement),
			kind: 'longtext',
			label: 'Your value statement',
			hint: 'Start from the composed sentence and make it sound like you.',
			required: true
		}
	]),
	lists: [
		{
			id: 'offers',
			title: 'What I can offer others',
			description:
				'Skills you could lend, resources you could share and introductions you could make. These are what you bring to your next conversations.'
		}
	]
};

const map: Step = {
	...outlineOf('map'),
	why: 'A career takes a village: people who keep you informed, open doors, help you get things done, and a few who mentor, guide or sponsor you. Mapping who plays which role shows where your village is thin, and whether everyone in it looks a lot like you.',
	prompts: [
		'Who do you turn to when you need to know what is really going on?',
		'Who has introduced you to someone who mattered?',
		'Who speaks up for you in rooms you are not in?',
		'How many of these people come from outside your team, field or background?'
	],
	groups: [],
	fields: [],
	lists: [
		{
			id: 'contacts',
			title: 'My village',
			description:
				'The people in your working life, each with the roles they play, where they work and how you met.'
		},
		{
			id: 'ties',
			title: 'Who knows whom',
			description:
				'Which of your contacts know each other. A network where everyone already knows everyone brings fewer new ideas.'
		}
	]
};

const relate: Step = {
	...outlineOf('relate'),
	why: 'Strong relationships run in both directions. Ask open questions about what people are working on and what is hard for them right now, then look for a way to help: a contact, a resource, an idea. Helping first is what makes asking later feel natural.',
	prompts: [
		'What are you working on at the moment?',
		'What is the biggest challenge in front of you right now?',
		'Is there anyone I could introduce you to, or anything I could share?',
		'What did I learn about them that I did not know before?'
	],
	groups: [],
	fields: [],
	lists: [
		{
			id: 'conversations',
			title: 'Conversations',
			description:
				'What they are working on, their challenges, what you offered and what they offered. Open offers become follow-ups.'
		}
	]
};

const champions: Step = {
	...outlineOf('champions'),
	why: 'Some people will do more than answer your questions: they back your ideas across the organisation and put your name forward for opportunities. Champions usually grow from relationships where you helped first, so notice who is already on your side and what each could advocate for.',
	prompts: [
		'Who has already spoken up for you or your work?',
		'Who would you want in the room when your next role is discussed?',
		'What could you ask an ally to do for you this month?',
		'Do you have a sponsor: someone senior who will spend their influence on you?'
	],
	groups: [],
	fields: [],
	lists: [
		{
			id: 'pipeline',
			title: 'From contact to champion',
			description:
				'Move people along as the relationship grows: contact, then ally, then champion. Note what each advocates for you, and where.'
		},
		{
			id: 'asks',
			title: 'Asks',
			description: 'What you asked of whom, and what came of it.'
		}
	]
};

const plan: Step = {
	...outlineOf('plan'),
	why: 'Good intentions fade when the week fills up. Put networking in your calendar as a coffee or lunch during the working day, decide how often to keep in touch with each circle, and try an event once or twice before committing to it. Then take the next small step.',
	prompts: [
		'When in your week could you reliably meet someone for half an hour?',
		'Which events or groups would introduce you to new people rather than familiar faces?',
		'What will you do in the next 30 days?',
		'Who is overdue a hello?'
	],
	groups: [
		{
			id: 'cadence',
			title: 'Keep in touch',
			intro:
				'How often to be in touch with each circle, unless you set a different rhythm for someone. Logging a conversation resets the clock.'
		}
	],
	fields: fieldsOf(
		'plan',
		TIERS.map((tier): FieldSpec => ({
			id: idOf(cadenceKey(tier)),
			kind: 'number',
			label: TIER_LABELS[tier],
			hint: `Every ${DEFAULT_CADENCE_DAYS[tier]} days unless you change it.`,
			min: CADENCE_MIN_DAYS,
			max: CADENCE_MAX_DAYS,
			unit: 'days',
			group: 'cadence'
		}))
	),
	lists: [
		{
			id: 'slots',
			title: 'Weekly networking time',
			description:
				'Regular slots in your week for a coffee, lunch, call or event. Slots in the working day are the easiest to keep.'
		},
		{
			id: 'events',
			title: 'Events and organisations to try',
			description:
				'Go once or twice, then judge: did it expose you to new people, and does it serve your goal? Keep it or drop it.'
		},
		{
			id: 'actions',
			title: '30, 60 and 90 days',
			description: 'Concrete next steps, each with a date, so the plan turns into action.'
		}
	]
};

/** The seven steps, in workbook order. */
export const STEPS: readonly Step[] = [diagnose, goal, value, map, relate, champions, plan];

const STEPS_BY_ID = new Map(STEPS.map((s) => [s.id, s]));

export function getStep(id: StepId): Step {
	const step = STEPS_BY_ID.get(id);
	if (!step) throw new RangeError(`Unknown step: ${id}`);
	return step;
}

/** The step after this one, or null after the last. */
export function nextStep(id: StepId): Step | null {
	return STEPS[getStep(id).number] ?? null;
}

/** The step before this one, or null before the first. */
export function previousStep(id: StepId): Step | null {
	const n = getStep(id).number;
	return n > 1 ? (STEPS[n - 2] ?? null) : null;
}

/** Every field of every step, in order. */
export const FIELDS: readonly Field[] = STEPS.flatMap((s) => s.fields);

const FIELDS_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

/** The field stored under an answer key, if any step has one. */
export function getField(key: string): Field | undefined {
	return FIELDS_BY_KEY.get(key);
}
