/**
 * A shape per role, so the network map and its legend tell roles apart without colour (in a
 * greyscale print, or for anyone who cannot see the hues): circle, square, triangle, diamond,
 * inverted triangle, hexagon, star; a hollow ring for "no role yet".
 */
import type { Role } from '$lib/model/records';

function polygon(cx: number, cy: number, r: number, sides: number, rotate: number): string {
	const points: string[] = [];
	for (let i = 0; i < sides; i++) {
		const a = rotate + (i * 2 * Math.PI) / sides;
		points.push(`${(cx + r * Math.cos(a)).toFixed(2)},${(cy + r * Math.sin(a)).toFixed(2)}`);
	}
	return `M${points.join('L')}Z`;
}

function circle(cx: number, cy: number, r: number): string {
	return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
}

function star(cx: number, cy: number, r: number): string {
	const points: string[] = [];
	for (let i = 0; i < 10; i++) {
		const a = -Math.PI / 2 + (i * Math.PI) / 5;
		const rr = i % 2 === 0 ? r * 1.2 : r * 0.5;
		points.push(`${(cx + rr * Math.cos(a)).toFixed(2)},${(cy + rr * Math.sin(a)).toFixed(2)}`);
	}
	return `M${points.join('L')}Z`;
}

/** An SVG path of the role's shape, centred on (cx, cy), about as big as a circle of radius r. */
export function roleShapePath(role: Role | null, cx: number, cy: number, r: number): string {
	switch (role) {
		case 'informs':
			return circle(cx, cy, r);
		case 'connects':
			return polygon(cx, cy, r * 1.2, 4, Math.PI / 4);
		case 'gets-job-done':
			return polygon(cx, cy, r * 1.3, 3, -Math.PI / 2);
		case 'advocates':
			return polygon(cx, cy, r * 1.25, 4, 0);
		case 'mentors':
			return polygon(cx, cy, r * 1.3, 3, Math.PI / 2);
		case 'guides':
			return polygon(cx, cy, r * 1.1, 6, 0);
		case 'sponsors':
			return star(cx, cy, r);
		default:
			// A ring: the outer circle minus an inner one (even-odd fill).
			return `${circle(cx, cy, r)}${circle(cx, cy, r * 0.45)}`;
	}
}
