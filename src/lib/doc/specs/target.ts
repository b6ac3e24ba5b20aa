import { isString, str, type RecordSpec } from '../fields';
import { type Target } from '../../model/records';

export const targetSpec: RecordSpec<Target> = {
	collection: 'targets',
	fields: {
		role: str(),
		org: str(),
		industry: str(),
		why: str(),
		how: str(),
		reachedContactId: {
			default: () => null,
			valid: (v): v is string | null => v === null || isString(v)
		}
	}
};
