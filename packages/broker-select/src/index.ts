export { brokerConfigShape, maskedAmqpUrl, type BrokerConfig } from './broker-config';
export { createBroker, type BrokerDependencies, type SelectedBroker } from './create-broker';
