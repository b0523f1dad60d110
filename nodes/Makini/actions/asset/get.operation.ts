import { getOperation } from '../shared/read.factory';
import { assetConfig } from './config';

export const { description, execute } = getOperation(assetConfig);
