import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange } from '../../../src/lib/doc/text';

function textOf(initial: string) {
	const doc = new Y.Doc();
	const text = doc.getText('t');
	text.insert(0, initial);
	return { doc, text };
}

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('applyTextChange', () => {
	it.each([
		['', 'hello'],
		['hello', ''],
		['hello world', 'hello brave world'],
		['hello brave world', 'hello world'],
		['abc', 'xyz'],
		['aaa', 'aaaa'],
		['line one\nline two', 'line one\nline 2\nline three'],
		['café 👋 team', 'café 👍 team'],
		['👋', '👍'],
		['a👋', 'a']
	])('turns %j into %j', (from, to) => {
		const { text } = textOf(from);
		applyTextChange(text, to);
		expect(text.toString()).toBe(to);
	});

	it('changes only the edited span, so concurrent edits elsewhere survive', () => {
		const a = textOf('The goal: lead a team.');
		const b = new Y.Doc();
		sync(a.doc, b);
		// One tab types at the start, the other at the end, at the same time.
		applyTextChange(a.text, 'My goal: lead a team.');
		applyTextChange(b.getText('t'), 'The goal: lead a product team.');
		sync(a.doc, b);
		expect(a.text.toString()).toBe('My goal: lead a product team.');
		expect(b.getText('t').toString()).toBe('My goal: lead a product team.');
	});

	it('does nothing (no update) when the text is unchanged', () => {
		const { doc, text } = textOf('same');
		let updates = 0;
		doc.on('update', () => updates++);
		applyTextChange(text, 'same');
		expect(updates).toBe(0);
	});

	it('never leaves half an emoji behind', () => {
		const { text } = textOf('x👋y');
		applyTextChange(text, 'x👍y');
		expect(text.toString()).toBe('x👍y');
		expect([...text.toString()]).toHaveLength(3);
	});
});
