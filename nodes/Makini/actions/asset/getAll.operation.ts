import { getManyOperation } from '../shared/read.factory';
import { assetConfig } from './config';

export const { description, execute } = getManyOperation(assetConfig);
