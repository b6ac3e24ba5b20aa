/** Lengths of time for people: "45 min", "1 hour", "2 h 30 min". */
export function formatMinutes(total: number): string {
	const minutes = Number.isFinite(total) && total > 0 ? Math.round(total) : 0;
	if (minutes === 0) return 'no time';
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	if (h === 0) return `${m} min`;
	if (m === 0) return h === 1 ? '1 hour' : `${h} hours`;
	return `${h} h ${m} min`;
}
