/** Saves text as a file through the browser's own download. */
export function downloadText(file: { name: string; type: string; text: string }): void {
	const url = URL.createObjectURL(new Blob([file.text], { type: `${file.type};charset=utf-8` }));
	const a = document.createElement('a');
	a.href = url;
	a.download = file.name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen or dropped file's bytes. */
export async function fileBytes(file: File): Promise<Uint8Array> {
	return new Uint8Array(await file.arrayBuffer());
}
