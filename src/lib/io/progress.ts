/** Progress reports for long parses: a bar that moves without flooding the page. */
/** Reports progress at most every `every` rows, so a large file does not flood the page. */
export function progressEvery(
	total: number,
	onProgress: ((done: number) => void) | undefined,
	from = 0,
	every = 500
): (row: number) => void {
	if (!onProgress || total <= 0) return () => {};
	return (row) => {
		if (row % every === 0) onProgress(from + ((1 - from) * row) / total);
	};
}
