import { CONTACT_CADENCE_MAX_DAYS, CONTACT_CADENCE_MIN_DAYS } from '../../model/cadence';
import {
	date,
	intIn,
	isBool,
	isString,
	nullableBool,
	oneOf,
	str,
	strings,
	type RecordSpec
} from '../fields';
import { ROLES, SENIORITIES, STAGES, TIERS, type Contact } from '../../model/records';

export const contactSpec: RecordSpec<Contact> = {
	collection: 'contacts',
	fields: {
		name: str(),
		org: str(),
		title: str(),
		emails: strings(),
		phones: strings(),
		links: strings(),
		howWeMet: str(),
		introducedBy: {
			default: () => null,
			valid: (v): v is string | null => v === null || isString(v)
		},
		notes: str(true),
		tier: { default: () => 'wider', valid: oneOf(TIERS) },
		strength: { default: () => 3, valid: intIn(1, 5) },
		roles: {
			default: () => [],
			valid: (v): v is Contact['roles'] => Array.isArray(v) && v.every(oneOf(ROLES))
		},
		inside: nullableBool(),
		industry: str(),
		function: str(),
		seniority: {
			default: () => null,
			valid: (v): v is Contact['seniority'] => v === null || oneOf(SENIORITIES)(v)
		},
		similar: nullableBool(),
		stage: { default: () => 'contact', valid: oneOf(STAGES) },
		advocacy: str(),
		cadenceDays: {
			default: () => null,
			valid: (v): v is number | null =>
				v === null || intIn(CONTACT_CADENCE_MIN_DAYS, CONTACT_CADENCE_MAX_DAYS)(v)
		},
		followUpOn: date(),
		helpsGoal: { default: () => false, valid: isBool },
		lastContactOn: date(),
		createdAt: { default: () => new Date(0).toISOString(), valid: isString }
	}
};
