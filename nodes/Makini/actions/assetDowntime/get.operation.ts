import { getOperation } from '../shared/read.factory';
import { assetDowntimeConfig } from './config';

export const { description, execute } = getOperation(assetDowntimeConfig);
