// Material lines (published `MaterialItem`) of the CCN portfolio: the spare parts each asset template and PM plan calls
// for, and the parts planned and used on some open chiller and rooftop work orders. Deterministic (no PRNG), built after
// the plant and the supply side, so neither changes; a work order with lines gets its `materialCount`.
import type { EntityStore } from '../store';
import type { DataRecord } from '../types';
import { iso } from './iso';

type Stores = Record<string, EntityStore>;

// template name → [part number, quantity]
const TEMPLATE_PARTS: Record<string, Array<[string, number]>> = {
	'Carrier 19XR centrifugal chiller': [['KH11EG121', 1], ['KH43LZ002', 1], ['P903-1001', 2], ['R134A-30', 1]],
	'Carrier 30XW water-cooled screw chiller': [['HN54KD018', 1], ['HH79NZ039', 2], ['P903-1001', 1]],
	'Carrier 30XA air-cooled screw chiller': [['HN54KD018', 1], ['HH79NZ039', 2]],
	'Chilled-water plant system': [['CEPL130346-01', 1]],
	'BAC cooling tower': [['BAC-FP1020', 4]],
	'Bell & Gossett end-suction pump': [['BG-186861', 1]],
	'Carrier 39M air handler': [['M13-24242', 4]],
	'Carrier 48 series rooftop unit': [['A48', 2], ['R410A-25', 1]],
	'Carrier 50 series rooftop unit': [['A48', 1], ['R410A-25', 1]],
};

// PM plan title → [part number, quantity per visit]
const PM_PARTS: Record<string, Array<[string, number]>> = {
	'Quarterly chiller inspection': [['KH11EG121', 1], ['P903-1001', 1]],
	'Monthly AHU filter change': [['M13-24242', 4]],
	'Annual cooling tower cleaning': [['BAC-FP1020', 2]],
	'Seasonal rooftop unit start-up': [['A48', 2]],
};

// Work orders that get parts: the first ones on these categories that are not finished.
const WORK_ORDER_CATEGORIES = ['Centrifugal Chiller', 'Water-Cooled Screw Chiller', 'Air-Cooled Screw Chiller', 'Rooftop Unit'];
const WORK_ORDERS_WITH_PARTS = 6;

export function generateMaterialLists(stores: Stores, anchor: number): void {
	const lines = stores['material-items'];
	const byPartNumber = new Map(stores.materials.records.map((m) => [m.partNumber as string, m]));
	const stamp = iso(anchor - 20 * 86_400_000);
	const add = (partNumber: string, required: number, used: number | null, links: Record<string, unknown>) => {
		const material = byPartNumber.get(partNumber);
		if (!material) return undefined;
		return lines.add({
			materialKey: material.key, partNumber, name: material.name, uomKey: material.uomKey, requiredQuantity: required, quantity: used,
			createdAt: stamp, updatedAt: stamp, ...links,
		});
	};

	// The kit's components are its children (materials whose parentKeys name it); the kit is their assembly.
	for (const kit of stores.materials.records.filter((m) => m.isAssembly === true)) {
		for (const part of stores.materials.records.filter((m) => (m.parentKeys as string[] | null)?.includes(kit.key))) {
			add(part.partNumber as string, part.partNumber === 'P903-1001' ? 2 : 1, null, { assemblyKey: kit.key });
		}
	}
	for (const template of stores['asset-templates'].records) {
		for (const [partNumber, quantity] of TEMPLATE_PARTS[template.name as string] ?? []) add(partNumber, quantity, null, { assetTemplateKey: template.key });
	}
	for (const plan of stores.pm.records) {
		for (const [partNumber, quantity] of PM_PARTS[plan.title as string] ?? []) add(partNumber, quantity, null, { pmKey: plan.key });
	}

	const templateOf = new Map(stores['asset-templates'].records.map((t) => [t.key, t.name as string]));
	const open = new Set(stores['statuses/work-orders'].records.filter((s) => !['COMP', 'CLOSE', 'CAN'].includes(s.code as string)).map((s) => s.key));
	const chosen: DataRecord[] = [];
	for (const order of stores['work-orders'].records) {
		if (chosen.length >= WORK_ORDERS_WITH_PARTS) break;
		const asset = typeof order.assetKey === 'string' ? stores.assets.get(order.assetKey) : undefined;
		if (!asset || !WORK_ORDER_CATEGORIES.includes(asset.categoryName as string) || !open.has(order.statusKey as string)) continue;
		chosen.push(order);
		const parts = TEMPLATE_PARTS[templateOf.get(asset.assetTemplateKey as string) ?? ''] ?? [];
		let count = 0;
		for (const [n, [partNumber, quantity]] of parts.slice(0, 2).entries()) {
			if (add(partNumber, quantity, n === 0 ? quantity : 0, { workOrderKey: order.key, assetKey: asset.key })) count += 1;
		}
		stores['work-orders'].patch(order.key, { materialCount: String(count) });
	}
}
