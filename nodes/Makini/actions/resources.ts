import { account } from './account';
import { asset } from './asset';
import { assetDowntime } from './assetDowntime';
import { assetTemplate } from './assetTemplate';
import { company } from './company';
import { connection } from './connection';
import { customer } from './customer';
import { makiniDocument } from './document';
import { inventory } from './inventory';
import { labor } from './labor';
import { location } from './location';
import { material } from './material';
import { meter } from './meter';
import { meterReading } from './meterReading';
import { organization } from './organization';
import { passthrough } from './passthrough';
import { preventiveMaintenance } from './preventiveMaintenance';
import { purchaseOrder } from './purchaseOrder';
import { purchaseOrderLineItem } from './purchaseOrderLineItem';
import { rawTable } from './rawTable';
import { returnOrder } from './returnOrder';
import { serviceRequest } from './serviceRequest';
import { site } from './site';
import { status } from './status';
import { stock } from './stock';
import { storeroom } from './storeroom';
import { team } from './team';
import { unitOfMeasure } from './unitOfMeasure';
import { user } from './user';
import { vendor } from './vendor';
import { workOrder } from './workOrder';
import type { MakiniResource } from './shared/types';

/** Every resource, in Resource dropdown order: the node description and the router both read this list. */
export const resources: MakiniResource[] = [
	account,
	asset,
	assetDowntime,
	assetTemplate,
	company,
	connection,
	customer,
	makiniDocument,
	inventory,
	labor,
	location,
	material,
	meter,
	meterReading,
	organization,
	passthrough,
	preventiveMaintenance,
	purchaseOrder,
	purchaseOrderLineItem,
	rawTable,
	returnOrder,
	serviceRequest,
	site,
	status,
	stock,
	storeroom,
	team,
	unitOfMeasure,
	user,
	vendor,
	workOrder,
];
