import { createOperation } from '../shared/write.factory';
import { returnOrderWrite } from './write';

/** POST /api/eam/return-orders: the published request; a new return order gets the system's first status. */
export const { description, execute, write } = createOperation(returnOrderWrite);
