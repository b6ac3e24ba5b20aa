import { str, type RecordSpec } from '../fields';
import { type Tie } from '../../model/records';

export const tieSpec: RecordSpec<Tie> = {
	collection: 'ties',
	atomic: true,
	fields: { a: str(), b: str() }
};
