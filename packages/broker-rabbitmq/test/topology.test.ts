import amqp from 'amqplib';
import { NotFoundError } from '@interflow/core';
import { AMQP_URL, createRabbitFixture, type RabbitFixture } from './broker-fixture';

/**
 * What the RabbitMQ server holds behind the topology record; the promises of declaring
 * and deleting are in the conformance suite (conformance.test.ts).
 */
describe('RabbitMQ broker: topology on the server', () => {
  let fixture: RabbitFixture;

  beforeAll(async () => {
    fixture = await createRabbitFixture();
  });
  afterAll(() => fixture.close());

  it('a declared queue exists on RabbitMQ under its prefixed name, and is gone once deleted', async () => {
    const { broker, names } = fixture;
    await broker.declareQueue({ name: 'doomed' });
    const connection = await amqp.connect(AMQP_URL);
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      expect(await channel.checkQueue(names.queue('doomed'))).toMatchObject({ messageCount: 0 });
      await broker.deleteQueue('doomed');
      const again = await connection.createChannel();
      again.on('error', () => undefined);
      await expect(again.checkQueue(names.queue('doomed'))).rejects.toMatchObject({ code: 404 });
    } finally {
      await connection.close();
    }
    await expect(broker.deleteQueue('doomed')).rejects.toBeInstanceOf(NotFoundError);
  });
});
