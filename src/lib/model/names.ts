/**
 * People's names in alphabetical order, ignoring case and accents ("émile" beside "Emile"), with
 * numbers in number order ("Team 2" before "Team 10"). Every list of people sorts with this.
 * One collator serves every comparison: localeCompare with options builds one per call, which
 * is slow when sorting thousands of contacts.
 */
const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareNames(a: string, b: string): number {
	return NAME_ORDER.compare(a, b);
}
