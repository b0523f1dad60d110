import { getManyOperation } from '../shared/read.factory';
import { locationConfig } from './config';

export const { description, execute } = getManyOperation(locationConfig);
