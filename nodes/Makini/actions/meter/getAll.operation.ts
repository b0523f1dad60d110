import { getManyOperation } from '../shared/read.factory';
import { meterConfig } from './config';

export const { description, execute } = getManyOperation(meterConfig);
