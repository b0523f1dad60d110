import { getManyOperation } from '../shared/read.factory';
import { serviceRequestConfig } from './config';

export const { description, execute } = getManyOperation(serviceRequestConfig);
