/**
 * The ego-network picture as pure geometry: me in the middle, my contacts on five rings by
 * strength (5 nearest, 1 farthest), grouped by organisation into angular sectors, with a line for
 * each "who knows whom" tie. The UI only draws what this returns (circles, lines, the spokes
 * from me to each node), so screen and print show the same picture.
 *
 * Deterministic: no randomness, and the input order of contacts does not matter. Nodes in the
 * same ring and sector never overlap: they spread along the arc and, when the arc is full, spill
 * onto sub-rings inside the ring's band (shrinking the dots first, down to `MIN_NODE_RADIUS`).
 *
 * Angles are radians in SVG orientation: 0 points right, angles grow clockwise (y points down),
 * and the first sector starts at the top (−π/2).
 */
import { categoryKey } from './openness';
import { ROLES } from './records';
import type { Contact, Id, Role, Tie } from './records';

export interface LayoutOptions {
	width: number;
	height: number;
	/** Most contacts to draw; the rest are counted in `hidden`. Default 500. */
	maxNodes?: number;
}

export interface LayoutNode {
	id: Id;
	name: string;
	x: number;
	y: number;
	r: number;
	/** The primary role, for colour: the deepest one the contact plays (see `primaryRole`). */
	role: Role | null;
	/** The contact's organisation as written (trimmed). */
	org: string;
	/** 1–5: which ring the node sits on. */
	strength: number;
	/** Index into `groups`. */
	group: number;
}

export interface LayoutEdge {
	a: Id;
	b: Id;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

export interface LayoutGroup {
	/** The label: an organisation, `NO_ORGANISATION` or `OTHER_ORGANISATIONS`. */
	org: string;
	count: number;
	angleStart: number;
	angleEnd: number;
}

export interface NetworkLayout {
	width: number;
	height: number;
	me: { x: number; y: number; r: number };
	nodes: LayoutNode[];
	/** Ties whose two ends are both drawn; nothing to me (the UI draws spokes). */
	edges: LayoutEdge[];
	/** Contacts not drawn because of `maxNodes`. */
	hidden: number;
	groups: LayoutGroup[];
	/** The centre radius of each strength ring, for faint guide circles. */
	rings: { strength: number; radius: number }[];
}

export const NO_ORGANISATION = 'No organisation';
export const OTHER_ORGANISATIONS = 'Other organisations';
export const DEFAULT_MAX_NODES = 500;
/** More sectors than this and the labels no longer fit around the circle: merge small ones. */
export const MAX_SECTORS = 12;
/** Dots never shrink below this (px): smaller is hard to see or to hit with a pointer. */
export const MIN_NODE_RADIUS = 2;
/** The biggest dot (px), used when there is plenty of room. */
export const MAX_NODE_RADIUS = 10;

/** Rings sit between these fractions of the half-size: the inner part is left for me. */
const INNER_EDGE = 0.16;
const ME_RADIUS = 0.07;
/** Empty angle between two sectors, so groups read as groups. */
const SECTOR_GAP = 0.06;
/** Each ring's dot shrinks by this factor per try until everything fits. */
const SHRINK = 0.85;

/**
 * The deepest role a contact plays, for colour: sponsors over guides over mentors … over
 * informs (the later in the article's list, the more the person invests in me).
 */
export function primaryRole(roles: readonly Role[]): Role | null {
	let best = -1;
	for (const role of roles) best = Math.max(best, ROLES.indexOf(role));
	return best < 0 ? null : ROLES[best]!;
}

function ringOf(strength: number): number {
	const s = Math.round(Number(strength));
	return Number.isFinite(s) ? Math.min(5, Math.max(1, s)) : 1;
}

function compareIds(a: Id, b: Id): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Drawing priority: strongest, then most recently in touch, then name, then id. */
function byPriority(a: Contact, b: Contact): number {
	const la = a.lastContactOn ?? '';
	const lb = b.lastContactOn ?? '';
	return (
		ringOf(b.strength) - ringOf(a.strength) ||
		(la === lb ? 0 : la > lb ? -1 : 1) ||
		(a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
		compareIds(a.id, b.id)
	);
}

interface Group {
	key: string;
	label: string;
	members: Contact[];
}

function groupByOrganisation(shown: readonly Contact[]): Group[] {
	const byKey = new Map<string, Group>();
	const none: Group = { key: '', label: NO_ORGANISATION, members: [] };
	for (const c of shown) {
		const key = categoryKey(c.org);
		if (key === '') {
			none.members.push(c);
			continue;
		}
		let group = byKey.get(key);
		if (!group) {
			// Shown contacts arrive in priority order, so the label is the strongest contact's spelling.
			group = { key, label: c.org.trim().replace(/\s+/g, ' '), members: [] };
			byKey.set(key, group);
		}
		group.members.push(c);
	}
	const named = [...byKey.values()].sort(
		(a, b) => b.members.length - a.members.length || compareIds(a.key, b.key)
	);
	const slots = MAX_SECTORS - (none.members.length > 0 ? 1 : 0);
	let kept = named;
	const other: Group = { key: '\u0000other', label: OTHER_ORGANISATIONS, members: [] };
	if (named.length > slots) {
		// One slot goes to "Other"; an organisation of one is never worth a sector of its own then.
		kept = named.slice(0, slots - 1).filter((g) => g.members.length >= 2);
		const keptKeys = new Set(kept.map((g) => g.key));
		for (const g of named) if (!keptKeys.has(g.key)) other.members.push(...g.members);
		other.members.sort(byPriority);
	}
	const groups = [...kept];
	if (other.members.length > 0) groups.push(other);
	if (none.members.length > 0) groups.push(none);
	return groups;
}

/** Smallest angle between two dots of spacing `spacing` on a circle of radius `radius`. */
function minStep(spacing: number, radius: number): number {
	if (radius <= 0) return Infinity;
	const half = spacing / (2 * radius);
	return half >= 1 ? Math.PI : 2 * Math.asin(half);
}

/** How many dots fit on an arc of `span` radians when each sits in the middle of an equal slice. */
function capacity(span: number, spacing: number, radius: number): number {
	const step = minStep(spacing, radius);
	return Math.max(1, Math.floor(span / step + 1e-9));
}

/** Radial offsets from a ring's centre: 0, +s, −s, +2s, −2s … within the band, then outward. */
function* subRingOffsets(spacing: number, bandWidth: number): Generator<number> {
	const limit = bandWidth / 2 - spacing / 2;
	yield 0;
	let m = 1;
	for (; m * spacing <= limit + 1e-9; m++) {
		yield m * spacing;
		yield -m * spacing;
	}
	// Out of room in the band: keep going outward, where there is always more arc.
	for (let out = m; ; out++) yield out * spacing;
}

function subRingsInBand(spacing: number, bandWidth: number): number {
	const limit = bandWidth / 2 - spacing / 2;
	return limit < 0 ? 1 : 1 + 2 * Math.floor(limit / spacing + 1e-9);
}

interface Cell {
	span: number;
	start: number;
	radius: number;
	members: Contact[];
	group: number;
	strength: number;
}

function cellFits(cell: Cell, r: number, bandWidth: number): boolean {
	const spacing = spacingFor(r);
	const inBand = subRingsInBand(spacing, bandWidth);
	let room = 0;
	const offsets = subRingOffsets(spacing, bandWidth);
	for (let i = 0; i < inBand; i++) {
		const offset = offsets.next().value as number;
		room += capacity(cell.span, spacing, cell.radius + offset);
		if (room >= cell.members.length) return true;
	}
	return false;
}

/** Centre-to-centre distance two dots keep: their diameters plus a little air. */
function spacingFor(r: number): number {
	return 2 * r + Math.max(1, r / 2);
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

export function layoutNetwork(
	contacts: readonly Contact[],
	ties: readonly Tie[],
	options: LayoutOptions
): NetworkLayout {
	const width = Math.max(1, Number(options.width) || 0);
	const height = Math.max(1, Number(options.height) || 0);
	const maxNodes = Math.max(0, Math.floor(options.maxNodes ?? DEFAULT_MAX_NODES));
	const half = Math.min(width, height) / 2;
	const cx = width / 2;
	const cy = height / 2;

	const unique = new Map<Id, Contact>();
	for (const c of contacts) if (!unique.has(c.id)) unique.set(c.id, c);
	const ordered = [...unique.values()].sort(byPriority);
	const shown = ordered.slice(0, maxNodes);
	const hidden = ordered.length - shown.length;

	const innerEdge = half * INNER_EDGE;
	const bandWidth = (half - innerEdge) / 5;
	// Centre radius of each strength's ring, indexed by strength (1–5): 5 innermost.
	const ringRadius = [0, 1, 2, 3, 4, 5].map((s) => innerEdge + (5 - s + 0.5) * bandWidth);
	const rings = [5, 4, 3, 2, 1].map((strength) => ({
		strength,
		radius: round(ringRadius[strength]!)
	}));
	const me = { x: round(cx), y: round(cy), r: round(half * ME_RADIUS) };

	const groups = groupByOrganisation(shown);
	const layoutGroups: LayoutGroup[] = [];
	const cells: Cell[] = [];
	if (groups.length > 0) {
		const gap = groups.length > 1 ? Math.min(SECTOR_GAP, Math.PI / (2 * groups.length)) : 0;
		const available = 2 * Math.PI - gap * groups.length;
		// Angle follows head-count, with a floor so a group of one still gets a readable wedge.
		const floor = shown.length / (3 * groups.length);
		const weights = groups.map((g) => Math.max(g.members.length, floor));
		const totalWeight = weights.reduce((sum, w) => sum + w, 0);
		let angle = -Math.PI / 2 + gap / 2;
		groups.forEach((group, index) => {
			const span = (available * weights[index]!) / totalWeight;
			layoutGroups.push({
				org: group.label,
				count: group.members.length,
				angleStart: angle,
				angleEnd: angle + span
			});
			const byRing = new Map<number, Contact[]>();
			for (const c of group.members) {
				const s = ringOf(c.strength);
				const list = byRing.get(s);
				if (list) list.push(c);
				else byRing.set(s, [c]);
			}
			for (const strength of [5, 4, 3, 2, 1]) {
				const members = byRing.get(strength);
				if (!members) continue;
				cells.push({
					span,
					start: angle,
					radius: ringRadius[strength]!,
					members,
					group: index,
					strength
				});
			}
			angle += span + gap;
		});
	}

	let r = Math.min(MAX_NODE_RADIUS, Math.max(MIN_NODE_RADIUS, half * 0.03));
	while (r > MIN_NODE_RADIUS && !cells.every((cell) => cellFits(cell, r, bandWidth))) {
		r = Math.max(MIN_NODE_RADIUS, r * SHRINK);
	}
	const spacing = spacingFor(r);

	const nodes: LayoutNode[] = [];
	const position = new Map<Id, LayoutNode>();
	for (const cell of cells) {
		let next = 0;
		const offsets = subRingOffsets(spacing, bandWidth);
		while (next < cell.members.length) {
			const radius = cell.radius + (offsets.next().value as number);
			const take = Math.min(capacity(cell.span, spacing, radius), cell.members.length - next);
			const slice = cell.span / take;
			for (let i = 0; i < take; i++) {
				const c = cell.members[next + i]!;
				const angle = cell.start + slice * (i + 0.5);
				const node: LayoutNode = {
					id: c.id,
					name: c.name,
					x: round(cx + radius * Math.cos(angle)),
					y: round(cy + radius * Math.sin(angle)),
					r: round(r),
					role: primaryRole(c.roles),
					org: c.org.trim(),
					strength: cell.strength,
					group: cell.group
				};
				nodes.push(node);
				position.set(c.id, node);
			}
			next += take;
		}
	}

	const edges: LayoutEdge[] = [];
	const seen = new Set<string>();
	for (const tie of ties) {
		if (tie.a === tie.b) continue;
		const a = position.get(tie.a);
		const b = position.get(tie.b);
		if (!a || !b) continue;
		const key = tie.a < tie.b ? `${tie.a}\u0000${tie.b}` : `${tie.b}\u0000${tie.a}`;
		if (seen.has(key)) continue;
		seen.add(key);
		edges.push({ a: a.id, b: b.id, x1: a.x, y1: a.y, x2: b.x, y2: b.y });
	}

	return { width, height, me, nodes, edges, hidden, groups: layoutGroups, rings };
}
