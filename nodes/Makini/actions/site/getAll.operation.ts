import { getManyOperation } from '../shared/read.factory';
import { siteConfig } from './config';

export const { description, execute } = getManyOperation(siteConfig);
