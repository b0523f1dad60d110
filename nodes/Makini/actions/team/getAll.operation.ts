import { getManyOperation } from '../shared/read.factory';
import { teamConfig } from './config';

export const { description, execute } = getManyOperation(teamConfig);
