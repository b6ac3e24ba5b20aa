/** Words for what sync reports on the partner and device screens. */
import type { SkipReason } from '../model/partner';

/** Why entries from a relay were skipped, as "1 tampered with", "2 cut off". */
export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
	malformed: 'not in Village’s format',
	truncated: 'cut off',
	'wrong-key': 'from another partnership',
	tampered: 'tampered with',
	'too-large': 'too large',
	'invalid-update': 'not a change Village can take'
};
