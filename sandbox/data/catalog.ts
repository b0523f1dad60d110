// Equipment found on a Carrier Comfort Network: models, categories and the points their controllers expose.
export type MeterKind = 'run_hours' | 'compressor_starts' | 'leaving_chilled_water_temp' | 'supply_air_temp' | 'energy';

export interface MeterSpec {
	type: MeterKind;
	unit: string; // the meter's uomName
	cumulative: boolean;
	start: [number, number]; // initial value range
	step: [number, number]; // per-hour increase (cumulative) or spread around the start (gauges)
}

export const METERS: Record<MeterKind, MeterSpec> = {
	run_hours: { type: 'run_hours', unit: 'hours', cumulative: true, start: [2000, 60000], step: [0.4, 1] },
	compressor_starts: { type: 'compressor_starts', unit: 'starts', cumulative: true, start: [300, 9000], step: [0, 2] },
	leaving_chilled_water_temp: { type: 'leaving_chilled_water_temp', unit: '°F', cumulative: false, start: [43.5, 45], step: [-1.2, 1.8] },
	supply_air_temp: { type: 'supply_air_temp', unit: '°F', cumulative: false, start: [54, 57], step: [-2, 3] },
	energy: { type: 'energy', unit: 'kWh', cumulative: true, start: [100000, 4000000], step: [20, 350] },
};

export interface EquipmentSpec {
	tag: string; // plant tag prefix, e.g. CH for chillers
	label: string;
	category: string;
	make: string;
	models: string[];
	template: string;
	criticality: Array<'high' | 'medium' | 'low'>;
	meters: MeterKind[];
	downtimeChance: number;
	physical: boolean;
}

const spec = (s: EquipmentSpec): EquipmentSpec => s;

export const EQUIPMENT = {
	chwPlant: spec({ tag: 'CHWP-SYS', label: 'Chilled-water plant', category: 'Chilled Water System', make: 'Carrier', models: ['CCN Plant'], template: 'Chilled-water plant system', criticality: ['high'], meters: [], downtimeChance: 0, physical: false }),
	hwPlant: spec({ tag: 'HWP-SYS', label: 'Heating hot-water plant', category: 'Heating Hot Water System', make: 'Carrier', models: ['CCN Plant'], template: 'Heating hot-water plant system', criticality: ['medium'], meters: [], downtimeChance: 0, physical: false }),
	centrifugal: spec({ tag: 'CH', label: '19XR centrifugal chiller', category: 'Centrifugal Chiller', make: 'Carrier', models: ['19XR-5252', '19XR-6565', '19XR-7575', '19XRV-6060'], template: 'Carrier 19XR centrifugal chiller', criticality: ['high'], meters: ['run_hours', 'compressor_starts', 'leaving_chilled_water_temp', 'energy'], downtimeChance: 0.35, physical: true }),
	waterScrew: spec({ tag: 'CH', label: '30XW water-cooled screw chiller', category: 'Water-Cooled Screw Chiller', make: 'Carrier', models: ['30XW-0512', '30XW-0862', '30XW-1152'], template: 'Carrier 30XW water-cooled screw chiller', criticality: ['high'], meters: ['run_hours', 'compressor_starts', 'leaving_chilled_water_temp', 'energy'], downtimeChance: 0.3, physical: true }),
	airScrew: spec({ tag: 'CH', label: '30XA air-cooled screw chiller', category: 'Air-Cooled Screw Chiller', make: 'Carrier', models: ['30XA-0302', '30XA-0502', '30XA-0752'], template: 'Carrier 30XA air-cooled screw chiller', criticality: ['high', 'medium'], meters: ['run_hours', 'compressor_starts', 'leaving_chilled_water_temp', 'energy'], downtimeChance: 0.3, physical: true }),
	tower: spec({ tag: 'CT', label: 'Cooling tower', category: 'Cooling Tower', make: 'BAC', models: ['Series 3000 S3E-1020', 'Series 1500 XES15E'], template: 'BAC cooling tower', criticality: ['high', 'medium'], meters: ['run_hours'], downtimeChance: 0.15, physical: true }),
	chwPump: spec({ tag: 'CHWP', label: 'Chilled-water pump', category: 'Pump', make: 'Bell & Gossett', models: ['e-1510 4BD', 'e-1510 5BC'], template: 'Bell & Gossett end-suction pump', criticality: ['medium'], meters: ['run_hours'], downtimeChance: 0.08, physical: true }),
	cwPump: spec({ tag: 'CWP', label: 'Condenser-water pump', category: 'Pump', make: 'Bell & Gossett', models: ['e-1510 6BC'], template: 'Bell & Gossett end-suction pump', criticality: ['medium'], meters: ['run_hours'], downtimeChance: 0.08, physical: true }),
	boiler: spec({ tag: 'B', label: 'Condensing boiler', category: 'Boiler', make: 'Lochinvar', models: ['CREST FBN2001', 'CREST FBN3001'], template: 'Lochinvar CREST condensing boiler', criticality: ['high', 'medium'], meters: ['run_hours', 'energy'], downtimeChance: 0.12, physical: true }),
	hwPump: spec({ tag: 'HWP', label: 'Hot-water pump', category: 'Pump', make: 'Bell & Gossett', models: ['Series 80-SC 2x2x7'], template: 'Bell & Gossett inline pump', criticality: ['low', 'medium'], meters: ['run_hours'], downtimeChance: 0.05, physical: true }),
	ahu: spec({ tag: 'AHU', label: '39M air handler', category: 'Air Handling Unit', make: 'Carrier', models: ['39MN-17', '39MN-25', '39MN-36', '39MW-50'], template: 'Carrier 39M air handler', criticality: ['high', 'medium'], meters: ['run_hours', 'supply_air_temp', 'energy'], downtimeChance: 0.15, physical: true }),
	vav: spec({ tag: 'VAV', label: 'VAV terminal', category: 'VAV Terminal', make: 'Carrier', models: ['45J-06', '45J-08', '45J-10', '45J-12'], template: 'Carrier 45J VAV terminal', criticality: ['low'], meters: ['supply_air_temp'], downtimeChance: 0.02, physical: true }),
	rtu48: spec({ tag: 'RTU', label: '48-series gas/electric rooftop unit', category: 'Rooftop Unit', make: 'Carrier', models: ['48TCED08', '48TCED12', '48FCEM14'], template: 'Carrier 48 series rooftop unit', criticality: ['medium', 'low'], meters: ['run_hours', 'compressor_starts', 'supply_air_temp'], downtimeChance: 0.15, physical: true }),
	rtu50: spec({ tag: 'RTU', label: '50-series electric rooftop unit', category: 'Rooftop Unit', make: 'Carrier', models: ['50TCQD08', '50TCQD12', '50FC-M14'], template: 'Carrier 50 series rooftop unit', criticality: ['medium', 'low'], meters: ['run_hours', 'compressor_starts', 'supply_air_temp'], downtimeChance: 0.15, physical: true }),
};

export type EquipmentName = keyof typeof EQUIPMENT;

// Alarm and outage texts as CCN controllers and operators would report them.
export const DOWNTIME_REASONS: Record<string, string[]> = {
	'Centrifugal Chiller': ['A150 Low evaporator refrigerant temperature', 'A208 Compressor motor overload', 'A254 Surge protection trip', 'Oil pressure sensor fault', 'Scheduled tube cleaning'],
	'Water-Cooled Screw Chiller': ['A2.12 Low suction pressure', 'Condenser flow switch open', 'Compressor A1 high discharge temperature', 'Annual eddy-current test'],
	'Air-Cooled Screw Chiller': ['Fan drive fault circuit B', 'High condensing pressure', 'Low refrigerant charge suspected'],
	'Cooling Tower': ['Fan motor vibration high', 'Basin heater failure', 'Scheduled basin cleaning'],
	Pump: ['Seal leak', 'VFD fault', 'Bearing noise'],
	Boiler: ['Flame failure lockout', 'Low water cutoff trip', 'Annual combustion test'],
	'Air Handling Unit': ['Supply fan VFD fault', 'Freeze stat trip', 'Filter change overdue (high DP)', 'Belt replacement'],
	'VAV Terminal': ['Damper actuator stuck', 'Airflow sensor out of range'],
	'Rooftop Unit': ['Compressor lockout circuit 1', 'Economizer damper fault', 'Gas valve fault', 'Condenser coil cleaning'],
};

export const SITE_NAMES = ['Harbor Point', 'Northgate', 'Riverside', 'Lakeshore', 'Summit', 'Westfield', 'Cedar Ridge', 'Metro Center', 'Parkview', 'Union Square', 'Bayfront', 'Oak Hollow', 'Pinecrest', 'Granite Falls', 'Maple Court', 'Stonebridge'];
export const SITE_KINDS = ['Tower', 'Medical Center', 'Office Park', 'Data Center', 'Campus', 'Plaza', 'Distribution Center', 'Hotel'];
export const CITIES: Array<[city: string, state: string, lat: number, lng: number]> = [
	['Syracuse', 'NY', 43.05, -76.15], ['Charlotte', 'NC', 35.23, -80.84], ['Indianapolis', 'IN', 39.77, -86.16],
	['Dallas', 'TX', 32.78, -96.8], ['Phoenix', 'AZ', 33.45, -112.07], ['Atlanta', 'GA', 33.75, -84.39],
	['Chicago', 'IL', 41.88, -87.63], ['Denver', 'CO', 39.74, -104.99], ['Seattle', 'WA', 47.61, -122.33],
];
export const PEOPLE = ['Maria Alvarez', 'James Chen', 'Priya Natarajan', 'Tom Becker', 'Aisha Okafor', 'Luis Romero', 'Hannah Kim', 'David Murphy', 'Sofia Rossi', 'Kwame Mensah', 'Elena Petrova', 'Noah Williams'];
export const ROLES = ['HVAC Technician', 'Controls Technician', 'Chief Engineer', 'Facility Manager', 'Building Operator'];
