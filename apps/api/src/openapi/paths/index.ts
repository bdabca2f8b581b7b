import type { PathSpecs } from '../operation-spec';
import { actionPaths } from './actions';
import { actionSubscriptionPaths } from './action-subscriptions';
import { deploymentPaths } from './deployments';
import { healthPaths } from './health';
import { schedulePaths } from './schedules';
import { runPaths } from './runs';
import { servicePaths } from './services';
import { serviceMethodImportPaths } from './service-method-import';
import { tokenPaths } from './tokens';
import { bindingPaths } from './bindings';
import { exchangePaths } from './exchanges';
import { queuePaths } from './queues';
import { consumerPaths } from './consumers';
import { applySetPaths } from './apply-sets';
import { eventPaths } from './events';
import { overviewPaths } from './overview';
import { recipientPaths } from './recipients';
import { notificationPaths } from './notifications';

/** Every documented resource; each route file has its path file here (one line each). */
export const allPathSpecs: PathSpecs[] = [
  healthPaths,
  tokenPaths,
  exchangePaths,
  queuePaths,
  bindingPaths,
  consumerPaths,
  schedulePaths,
  servicePaths,
  deploymentPaths,
  actionPaths,
  actionSubscriptionPaths,
  serviceMethodImportPaths,
  runPaths,
  applySetPaths,
  eventPaths,
  overviewPaths,
  recipientPaths,
  notificationPaths,
];
