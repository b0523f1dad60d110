import { getManyOperation } from '../shared/read.factory';
import { userConfig } from './config';

export const { description, execute } = getManyOperation(userConfig);
