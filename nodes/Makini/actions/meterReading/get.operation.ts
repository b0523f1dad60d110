import { getOperation } from '../shared/read.factory';
import { meterReadingConfig } from './config';

export const { description, execute } = getOperation(meterReadingConfig);
