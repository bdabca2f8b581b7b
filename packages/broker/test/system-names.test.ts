import {
  deadLetterQueueOf,
  isActionQueueName,
  isSystemDeadLetterQueue,
  isSystemName,
  replyQueueName,
  subscriptionQueueName,
} from '../src';

describe('system names', () => {
  it.each([
    ['interflow.actions', true],
    ['interflow.actions.dead', true],
    ['interflow.replies.api.host-1', true],
    ['interflow.subscription.0b7c', true],
    ['interflow.results', true],
    ['Interflow.Actions', true],
    ['INTERFLOW.x', true],
    ['interflow', false],
    ['interflowx.actions', false],
    ['my.interflow.actions', false],
    ['orders', false],
    ['', false],
  ])('isSystemName(%j) is %s', (name, expected) => {
    expect(isSystemName(name)).toBe(expected);
  });

  it.each([
    ['interflow.actions', true],
    ['interflow.actions.billing', true],
    ['interflow.actions.eu.billing_2', true],
    ['interflow.actions.dead', false],
    ['interflow.actions.billing.dead', false],
    ['interflow.actions.', false],
    ['interflow.actions..x', false],
    ['interflow.actions.Billing', false],
    ['interflow.actionsx', false],
    ['interflow.replies.api.x', false],
    ['interflow.subscription.1', false],
    ['orders', false],
  ])('isActionQueueName(%j) is %s', (name, expected) => {
    expect(isActionQueueName(name)).toBe(expected);
  });

  it('tells dead-letter queues of system queues apart from live ones', () => {
    expect(isSystemDeadLetterQueue('interflow.actions.dead')).toBe(true);
    expect(isSystemDeadLetterQueue(deadLetterQueueOf(subscriptionQueueName('s1')))).toBe(true);
    expect(isSystemDeadLetterQueue('interflow.actions')).toBe(false);
    expect(isSystemDeadLetterQueue('orders.dead')).toBe(false);
  });

  it('builds every system queue name under the reserved prefix', () => {
    expect(subscriptionQueueName('s1')).toBe('interflow.subscription.s1');
    expect(replyQueueName('api.host/1 2')).toBe('interflow.replies.api.host_1_2');
    expect([subscriptionQueueName('s1'), replyQueueName('x'), deadLetterQueueOf('interflow.actions')].every(isSystemName)).toBe(true);
  });
});
