import { getOperation } from '../shared/read.factory';
import { preventiveMaintenanceConfig } from './config';

export const { description, execute } = getOperation(preventiveMaintenanceConfig);
