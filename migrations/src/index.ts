import { Baseline1764270000000 } from './1764270000000-Baseline';
import { ApiTokens1764272000000 } from './1764272000000-ApiTokens';
import { Integrations1764272000001 } from './1764272000001-Integrations';
import { DeploymentCallLimits1764273000000 } from './1764273000000-DeploymentCallLimits';
import { ActionSubscriptions1764273000001 } from './1764273000001-ActionSubscriptions';
import { MessageQueue1764271000000 } from './1764271000000-MessageQueue';
import { Schedules1764274000000 } from './1764274000000-Schedules';
import { ScheduleFiresBrin1764274000001 } from './1764274000001-ScheduleFiresBrin';
import { ScheduleFiresWithoutForeignKey1764274000002 } from './1764274000002-ScheduleFiresWithoutForeignKey';
import { ApplySets1764275000000 } from './1764275000000-ApplySets';
import { MessageHandOver1764275000100 } from './1764275000100-MessageHandOver';
import { DeploymentPauses1764275000200 } from './1764275000200-DeploymentPauses';
import { Events1764276000000 } from './1764276000000-Events';
import { RabbitmqBroker1764277000000 } from './1764277000000-RabbitmqBroker';
import { CollectionPollers1764278000000 } from './1764278000000-CollectionPollers';
import { RabbitmqTrackedMessages1764279000000 } from './1764279000000-RabbitmqTrackedMessages';
import { RabbitmqTrackedSettled1764279000100 } from './1764279000100-RabbitmqTrackedSettled';
import { Notifications1764280000000 } from './1764280000000-Notifications';
import { BrokerMoves1764281000000 } from './1764281000000-BrokerMoves';
import { RepeatedReminders1764281500000 } from './1764281500000-RepeatedReminders';
import { PendingRunOutcomeRules1764281600000 } from './1764281600000-PendingRunOutcomeRules';

/**
 * The ledger: every migration in the order it applies. Append only: a released
 * migration is never edited; a change is a new migration.
 */
export const migrations = [
  Baseline1764270000000,
  MessageQueue1764271000000,
  ApiTokens1764272000000,
  Integrations1764272000001,
  DeploymentCallLimits1764273000000,
  ActionSubscriptions1764273000001,
  Schedules1764274000000,
  ScheduleFiresBrin1764274000001,
  ScheduleFiresWithoutForeignKey1764274000002,
  ApplySets1764275000000,
  MessageHandOver1764275000100,
  DeploymentPauses1764275000200,
  Events1764276000000,
  RabbitmqBroker1764277000000,
  CollectionPollers1764278000000,
  RabbitmqTrackedMessages1764279000000,
  RabbitmqTrackedSettled1764279000100,
  Notifications1764280000000,
  BrokerMoves1764281000000,
  RepeatedReminders1764281500000,
  PendingRunOutcomeRules1764281600000,
];

/** The names readiness checks for: a daemon is ready only when all are applied. */
export const migrationNames: readonly string[] = migrations.map((m) => m.name);

export { migrate, type MigrateOptions } from './migrate';
