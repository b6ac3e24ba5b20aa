import { date, isBool, oneOf, str, type RecordSpec } from '../fields';
import { type Action } from '../../model/records';

export const actionSpec: RecordSpec<Action> = {
	collection: 'actions',
	fields: {
		text: str(),
		horizon: { default: () => 30, valid: oneOf([30, 60, 90] as const) },
		due: date(),
		done: { default: () => false, valid: isBool }
	}
};
