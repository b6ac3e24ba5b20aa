/**
 * The wording of step 1's questions: the statements rated for each obstacle and the prompt for
 * its one-line reflection. The obstacles themselves (names, reframes, scoring) are in
 * model/diagnosis.ts; this text is needed only by the Diagnose step, so Home does not load it.
 */
import type { ObstacleId } from '../model/diagnosis';

export interface ObstacleQuestions {
	/** One line saying what the obstacle looks like day to day (the obstacle's introduction). */
	summary: string;
	/** First person, so that agreeing (5) means the obstacle holds you back more. */
	statements: readonly string[];
	/** The question behind the one-line reflection. */
	reflectionPrompt: string;
}

export const OBSTACLE_QUESTIONS: Readonly<Record<ObstacleId, ObstacleQuestions>> = {
	mindset: {
		summary: 'Networking feels like taking, so you avoid it.',
		statements: [
			'Networking feels self-serving to me, like using people.',
			'I am uncomfortable asking people for help.',
			'I rarely think about what I could offer the people I meet.'
		],
		reflectionPrompt: 'What could you offer someone in your field this month?'
	},
	closed: {
		summary: 'Most of the people you know are much like you.',
		statements: [
			'Most people I talk to about work have a background much like mine.',
			'Most of my professional contacts work in my own organisation.',
			'I seldom meet people outside my own field or function.'
		],
		reflectionPrompt: 'Which group of people is missing from your network?'
	},
	strategy: {
		summary: 'Spaghetti against the wall: lots of activity, no direction.',
		statements: [
			'I meet people as it happens, without a goal in mind.',
			'I go to events and collect contacts, hoping something useful will come of it.',
			'I could not name the people I need to know for my next career step.'
		],
		reflectionPrompt: 'Where would you like your network to take you?'
	},
	proactive: {
		summary: 'You reach out when you need something, and find the door has closed.',
		statements: [
			'I tend to reach out to people only when I need something, such as a new job.',
			'I have lost touch with people who could once have helped me.',
			'Getting back in touch after a long silence feels awkward to me.'
		],
		reflectionPrompt: 'Who would you like to hear from you before you need them?'
	},
	time: {
		summary: 'Networking waits for spare time that never comes.',
		statements: [
			'I network only when I find spare time, which is rarely.',
			'There is no regular time in my calendar for meeting people.',
			'Evening events are the only networking I can think of, and I can seldom go.'
		],
		reflectionPrompt: 'Which half hour in your week could you give to networking?'
	},
	followup: {
		summary: 'You meet people once and the connection goes no further.',
		statements: [
			'I often meet someone and never follow up.',
			'Many of my contacts are names I know little about.',
			'People in my network would struggle to say what I do well.'
		],
		reflectionPrompt: 'Who did you meet recently but never follow up with?'
	}
};

/** How a rating reads, from 1 to 5. */
export const AGREEMENT_LABELS: Readonly<Record<number, string>> = {
	1: 'Not like me',
	2: 'A little like me',
	3: 'Somewhat like me',
	4: 'Mostly like me',
	5: 'Very like me'
};
