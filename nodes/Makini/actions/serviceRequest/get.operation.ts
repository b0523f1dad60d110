import { getOperation } from '../shared/read.factory';
import { serviceRequestConfig } from './config';

export const { description, execute } = getOperation(serviceRequestConfig);
