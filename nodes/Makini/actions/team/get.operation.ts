import { getOperation } from '../shared/read.factory';
import { teamConfig } from './config';

export const { description, execute } = getOperation(teamConfig);
