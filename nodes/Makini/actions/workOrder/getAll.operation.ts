import { getManyOperation } from '../shared/read.factory';
import { workOrderConfig } from './config';

export const { description, execute } = getManyOperation(workOrderConfig);
