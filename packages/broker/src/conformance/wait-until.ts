/**
 * Polls `probe` until it returns something truthy and returns that: the suite waits for
 * an observable state, never a fixed time. (The test-kit has the same helper, but the
 * contract package cannot depend on the test-kit, which depends on the migrations.)
 */
export async function waitUntil<T>(probe: () => T | Promise<T>, description = 'a condition', timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Resolves once the clock has passed `instant` (a lease deadline, an expiry): waiting for a condition, not a sleep. */
export async function passed(instant: Date): Promise<void> {
  await waitUntil(() => Date.now() > instant.getTime() + 5, `the clock to pass ${instant.toISOString()}`);
}
