import { date, intIn, nullableBool, oneOf, str, type RecordSpec } from '../fields';
import { type NetEvent } from '../../model/records';

export const eventSpec: RecordSpec<NetEvent> = {
	collection: 'events',
	fields: {
		name: str(),
		kind: { default: () => 'event', valid: oneOf(['event', 'organisation'] as const) },
		nextOn: date(),
		timesAttended: { default: () => 0, valid: intIn(0, 10_000) },
		newPeople: nullableBool(),
		servesGoal: nullableBool(),
		verdict: {
			default: () => null,
			valid: (v): v is 'keep' | 'drop' | null => v === null || v === 'keep' || v === 'drop'
		}
	}
};
