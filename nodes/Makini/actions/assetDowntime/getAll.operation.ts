import { getManyOperation } from '../shared/read.factory';
import { assetDowntimeConfig } from './config';

export const { description, execute } = getManyOperation(assetDowntimeConfig);
