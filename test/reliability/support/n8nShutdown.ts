import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

/**
 * n8n-core starts a 60 s SSH-tunnel cleanup interval the first time an execution builds its helpers, and stops
 * it only on shutdown; without this, jest never exits after a file that ran WorkflowExecute.
 */
export function stopN8nTimers(): void {
	Container.get(SSHClientsManager).onShutdown();
}
