import { getOperation } from '../shared/read.factory';
import { meterConfig } from './config';

export const { description, execute } = getOperation(meterConfig);
