/**
 * Each collection's shared store, by name, so screens never handle a record spec (that is the
 * document's business). Kept apart from records.svelte.ts, which Home loads: a screen that
 * imports one of these pulls in only the specs it names.
 */
import { actionSpec, askSpec, contactSpec, conversationSpec, eventSpec } from '../doc';
import { offerSpec, reviewSpec, slotSpec, targetSpec, tieSpec } from '../doc';
import { collectionOf } from './records';
import type { WorkbookSession } from './session.svelte';

export const contactsOf = (session: WorkbookSession) => collectionOf(session, contactSpec);
export const tiesOf = (session: WorkbookSession) => collectionOf(session, tieSpec);
export const conversationsOf = (session: WorkbookSession) =>
	collectionOf(session, conversationSpec);
export const asksOf = (session: WorkbookSession) => collectionOf(session, askSpec);
export const targetsOf = (session: WorkbookSession) => collectionOf(session, targetSpec);
export const offersOf = (session: WorkbookSession) => collectionOf(session, offerSpec);
export const slotsOf = (session: WorkbookSession) => collectionOf(session, slotSpec);
export const eventsOf = (session: WorkbookSession) => collectionOf(session, eventSpec);
export const actionsOf = (session: WorkbookSession) => collectionOf(session, actionSpec);
export const reviewsOf = (session: WorkbookSession) => collectionOf(session, reviewSpec);
