import { getOperation } from '../shared/read.factory';
import { siteConfig } from './config';

export const { description, execute } = getOperation(siteConfig);
