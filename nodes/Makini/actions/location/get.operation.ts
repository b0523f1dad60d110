import { getOperation } from '../shared/read.factory';
import { locationConfig } from './config';

export const { description, execute } = getOperation(locationConfig);
