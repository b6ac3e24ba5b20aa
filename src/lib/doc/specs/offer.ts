import { oneOf, str, type RecordSpec } from '../fields';
import { OFFER_KINDS, type Offer } from '../../model/value';

export const offerSpec: RecordSpec<Offer> = {
	collection: 'offers',
	fields: {
		kind: { default: () => 'skill', valid: oneOf(OFFER_KINDS) },
		text: str()
	}
};
