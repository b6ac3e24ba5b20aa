/**
 * Puts a new value into a text field without throwing the caret to the end: when the change
 * (typically another tab's or device's typing) lies before the caret, the caret moves with it.
 * Leaves the field alone while an IME composition is in progress or when nothing changed.
 */
export function syncFieldValue(
	el: HTMLInputElement | HTMLTextAreaElement,
	value: string,
	composing: boolean
): void {
	const old = el.value;
	if (old === value || composing) return;
	const focused = el.ownerDocument.activeElement === el;
	const start = el.selectionStart ?? old.length;
	const end = el.selectionEnd ?? old.length;
	el.value = value;
	if (!focused) return;
	let prefix = 0;
	const max = Math.min(old.length, value.length);
	while (prefix < max && old.charCodeAt(prefix) === value.charCodeAt(prefix)) prefix++;
	const delta = value.length - old.length;
	const shift = (pos: number) => (pos <= prefix ? pos : Math.max(prefix, pos + delta));
	el.setSelectionRange(shift(start), shift(end));
}
