import { PermanentError, RetryableError, type CallDeployment } from '@interflow/connector-sdk';
import type { ActionStates } from './connector';

/**
 * Action states through Interflow's api (`POST /v1/actions/{id}/states`). Where the api
 * is and the token to use come with the deployment (`connection.interflow_api_url`,
 * `credentials.interflow_token`), so the connector needs no Interflow configuration of
 * its own and the token stays encrypted at rest with the other credentials.
 */
export class ApiActionStates implements ActionStates {
  async diff(deployment: CallDeployment, actionId: string, items: { fid: string; nonce: string }[]) {
    if (items.length === 0) return { new: [], changed: [] };
    const apiUrl = deployment.connection.interflow_api_url;
    const token = deployment.credentials.interflow_token;
    if (typeof apiUrl !== 'string' || typeof token !== 'string') {
      throw new PermanentError('the deployment needs connection.interflow_api_url and credentials.interflow_token for action states', {
        status: 400,
      });
    }
    let response: Response;
    try {
      response = await fetch(`${apiUrl.replace(/\/+$/, '')}/v1/actions/${encodeURIComponent(actionId)}/states`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new RetryableError(`the Interflow api is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body = (await response.json().catch(() => null)) as StatesAnswer | null;
    if (response.status >= 500 || !body) throw new RetryableError(`the Interflow api answered ${response.status} to action states`);
    if (!response.ok) throw new PermanentError(`the Interflow api refused action states: ${body.error?.message ?? response.status}`, { status: 424 });
    const verdicts = body.items ?? [];
    return {
      new: verdicts.filter((v) => v.status === 'new').map((v) => v.fid),
      changed: verdicts.filter((v) => v.status === 'changed').map((v) => v.fid),
    };
  }
}

interface StatesAnswer {
  items?: { fid: string; status: 'new' | 'changed' | 'seen' }[];
  error?: { message?: string };
}
