import { date, isBool, oneOf, str, type RecordSpec } from '../fields';
import { CONVERSATION_KINDS, type Conversation } from '../../model/records';
import { isIsoDate } from '../../model/dates';

export const conversationSpec: RecordSpec<Conversation> = {
	collection: 'conversations',
	atomic: true,
	fields: {
		contactId: str(),
		on: { default: () => '1970-01-01', valid: isIsoDate },
		kind: { default: () => 'coffee', valid: oneOf(CONVERSATION_KINDS) },
		theirWork: str(),
		theirChallenges: str(),
		iOffered: str(),
		theyOffered: str(),
		offerDelivered: { default: () => false, valid: isBool },
		followUpOn: date()
	}
};
