import type { ParamMatcher } from '@sveltejs/kit';
import { isStepId } from '$lib/model/stepIds';

/** Only the seven workbook steps match; anything else is a 404. */
export const match = ((param: string) => isStepId(param)) satisfies ParamMatcher;
