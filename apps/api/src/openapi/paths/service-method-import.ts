import { idParams } from '../../http/validate';
import { serviceJson } from '../../schemas/services';
import type { PathSpecs } from '../operation-spec';

export const serviceMethodImportPaths: PathSpecs = {
  '/v1/services/{id}/methods/import': {
    post: {
      summary: "Import a service's methods from its connector",
      description:
        'Replaces the methods with what the connector serves at `GET <base_url>/methods` (connectors built with the SDK do). ' +
        'Needs an unscoped token.',
      tags: ['services'],
      auth: 'operator',
      params: idParams,
      responses: {
        200: { description: 'the service with its imported methods', schema: serviceJson },
        404: { description: 'no such service' },
        409: { description: 'a method that actions use would be removed' },
        502: { description: 'the connector could not be reached or did not describe its methods' },
      },
    },
  },
};
