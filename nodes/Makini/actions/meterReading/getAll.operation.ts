import { getManyOperation } from '../shared/read.factory';
import { meterReadingConfig } from './config';

export const { description, execute } = getManyOperation(meterReadingConfig);
