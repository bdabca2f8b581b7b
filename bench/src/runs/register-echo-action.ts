/** What the `runs` benchmark registers through the api: the echo service, a deployment, an action. */
export interface EchoAction {
  actionId: string;
  /** `/v1/hooks/<secret>`: POST here to run the action. */
  webhookPath: string;
}

/** Registers the echo connector at `connectorUrl` as a service with an `echo` method, a deployment and an action. */
export async function registerEchoAction(apiUrl: string, adminToken: string, connectorUrl: string, signingSecret: string): Promise<EchoAction> {
  const post = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  };
  const service = await post('/v1/services', {
    name: 'bench-echo',
    base_url: connectorUrl,
    signing_secret: signingSecret,
    methods: [{ name: 'echo', path: '/methods/echo', input_schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } }],
  });
  const deployment = await post('/v1/deployments', { name: 'bench-echo', service_id: service.id });
  const action = await post('/v1/actions', { name: 'bench-echo', deployment_id: deployment.id, method: 'echo' });
  return { actionId: String(action.id), webhookPath: String(action.webhook_path) };
}
