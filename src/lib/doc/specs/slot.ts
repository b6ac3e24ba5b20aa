import { intIn, isString, oneOf, type RecordSpec } from '../fields';
import { SLOT_KINDS, type Slot } from '../../model/records';

export const slotSpec: RecordSpec<Slot> = {
	collection: 'slots',
	fields: {
		weekday: { default: () => 2, valid: intIn(1, 7) },
		start: {
			default: () => '12:30',
			valid: (v): v is string => isString(v) && /^([01]\d|2[0-3]):[0-5]\d$/.test(v)
		},
		minutes: { default: () => 45, valid: intIn(5, 24 * 60) },
		kind: { default: () => 'coffee', valid: oneOf(SLOT_KINDS) }
	}
};
