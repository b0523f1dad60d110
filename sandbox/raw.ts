import type { ConnectionState } from './connections';
import { Prng } from './prng';

// Raw tables of the connected source system (GET /api/raw/tables, /api/raw/tables/{table}/data, and the `sql` form
// of POST /api/passthrough). The published files type them as untyped objects; for a CCN connection they are what a
// Carrier gateway database holds: the equipment on the CCN bus and its points. Derived from the connection's
// assets when first read (a connection created through the system API has empty tables).
export interface RawTable {
	name: string;
	columns: string[];
	rows: Array<Record<string, unknown>>;
}

const POINTS: Array<[name: string, units: string, min: number, max: number]> = [
	['LWT', '°F', 42, 48],
	['EWT', '°F', 52, 58],
	['CAP_T', '%', 0, 100],
	['HR_MACH', 'hr', 1_000, 60_000],
];

function build(conn: ConnectionState): RawTable[] {
	const rng = new Prng(conn.faultSeed ^ 0x7a61);
	const assets = conn.stores.assets.records;
	const equipment = assets.map((asset, i) => ({
		id: i + 1,
		bus: Math.floor(i / 30),
		element: (i % 30) + 1,
		device_name: asset.name ?? null,
		model: asset.modelName ?? null,
		serial_no: asset.serialNumber ?? null,
		makini_asset_key: asset.key,
	}));
	const points = equipment.flatMap((e, i) =>
		POINTS.map(([name, units, min, max], j) => ({
			id: i * POINTS.length + j + 1,
			equipment_id: e.id,
			point_name: name,
			value: (min + rng.next() * (max - min)).toFixed(1),
			units,
		})),
	);
	return [
		{ name: 'ccn_equipment', columns: ['id', 'bus', 'element', 'device_name', 'model', 'serial_no', 'makini_asset_key'], rows: equipment },
		{ name: 'ccn_points', columns: ['id', 'equipment_id', 'point_name', 'value', 'units'], rows: points },
	];
}

const cache = new WeakMap<ConnectionState, RawTable[]>();

export function rawTables(conn: ConnectionState): RawTable[] {
	let tables = cache.get(conn);
	if (!tables) {
		tables = build(conn);
		cache.set(conn, tables);
	}
	return tables;
}
