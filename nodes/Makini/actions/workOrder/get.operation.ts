import { getOperation } from '../shared/read.factory';
import { workOrderConfig } from './config';

export const { description, execute } = getOperation(workOrderConfig);
