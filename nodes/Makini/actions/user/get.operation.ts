import { getOperation } from '../shared/read.factory';
import { userConfig } from './config';

export const { description, execute } = getOperation(userConfig);
