/**
 * The PostgreSQL broker: the `Broker` contract (`@interflow/broker`) on `mq_*` tables,
 * publishing inside a caller's transaction with `publishWithin`. Only this package names
 * the `mq_*` tables; daemons choose it in their composition root (`main.ts`) and program
 * against the contract everywhere else.
 */
export { PostgresBroker, type PostgresBrokerOptions } from './postgres-broker';
export { readMovableMessages, readMessagesById, deleteMovedMessages, leasedMessageCount, insertMovedMessages } from './message-move-sql';
