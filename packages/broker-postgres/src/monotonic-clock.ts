/**
 * Milliseconds from an arbitrary origin that never jump back or ahead (NTP, a changed
 * wall clock). The consume loop measures its own waits with it (ack holds, pacing,
 * retries, lease keeps); lease deadlines come from the database as wall-clock times and
 * are compared with the `Clock` instead.
 */
export type MonotonicClock = () => number;

export const performanceClock: MonotonicClock = () => performance.now();
