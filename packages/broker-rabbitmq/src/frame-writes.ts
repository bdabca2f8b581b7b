import type amqp from 'amqplib';

/** The parts of amqplib's connection (0.10) that decide how frames reach the socket. */
interface AmqplibConnectionInternals {
  stream?: { cork?: () => void; uncork?: () => void };
  muxer?: { _readIncoming?: () => void };
}

/**
 * Makes the frames amqplib's multiplexer writes in one pass (every channel's publishes
 * and acks gathered since the last pass) one socket write instead of one write each.
 * Each write is a system call that, on loopback, also wakes RabbitMQ: a confirm arriving
 * for 8 publishers became 8 publishes in 8 writes, and the acks of the same turn more.
 * Nothing waits longer: the pass writes what it has as before, corked only for its own
 * duration. Answers false (and changes nothing) when amqplib's internals are not the
 * expected ones, so another amqplib version only loses the saving.
 */
export function coalesceFrameWrites(model: amqp.ChannelModel): boolean {
  const connection = (model as unknown as { connection?: AmqplibConnectionInternals }).connection;
  const stream = connection?.stream;
  const muxer = connection?.muxer;
  const readIncoming = muxer?._readIncoming;
  if (!stream || !muxer || typeof readIncoming !== 'function' || typeof stream.cork !== 'function' || typeof stream.uncork !== 'function') return false;
  const cork = stream.cork.bind(stream);
  const uncork = stream.uncork.bind(stream);
  muxer._readIncoming = function writeIncomingCorked(this: unknown) {
    cork();
    try {
      readIncoming.call(this);
    } finally {
      uncork();
    }
  };
  return true;
}
