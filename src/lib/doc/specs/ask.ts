import { isBool, oneOf, str, type RecordSpec } from '../fields';
import { ASK_OUTCOMES, type Ask } from '../../model/records';
import { isIsoDate } from '../../model/dates';

export const askSpec: RecordSpec<Ask> = {
	collection: 'asks',
	atomic: true,
	fields: {
		contactId: str(),
		what: str(),
		on: { default: () => '1970-01-01', valid: isIsoDate },
		outcome: { default: () => 'pending', valid: oneOf(ASK_OUTCOMES) },
		followedThrough: { default: () => false, valid: isBool }
	}
};
