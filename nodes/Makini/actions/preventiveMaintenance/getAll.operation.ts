import { getManyOperation } from '../shared/read.factory';
import { preventiveMaintenanceConfig } from './config';

export const { description, execute } = getManyOperation(preventiveMaintenanceConfig);
