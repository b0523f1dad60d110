import { asset } from './asset';
import { assetDowntime } from './assetDowntime';
import { connection } from './connection';
import { location } from './location';
import { meter } from './meter';
import { meterReading } from './meterReading';
import { preventiveMaintenance } from './preventiveMaintenance';
import { serviceRequest } from './serviceRequest';
import { site } from './site';
import { team } from './team';
import { user } from './user';
import { workOrder } from './workOrder';
import type { MakiniResource } from './shared/types';

/** Every resource, in Resource dropdown order: the node description and the router both read this list. */
export const resources: MakiniResource[] = [
	asset,
	assetDowntime,
	connection,
	location,
	meter,
	meterReading,
	preventiveMaintenance,
	serviceRequest,
	site,
	team,
	user,
	workOrder,
];
