/** The abort signal of one outbound call, and whether it was its deadline that ended it. */
export interface CallDeadline {
  signal: AbortSignal;
  /** True once the deadline passed (as opposed to the parent aborting). */
  readonly timedOut: boolean;
  /** Stops the timer and the parent's listener; call it when the call is over. */
  release(): void;
}

/**
 * A signal that aborts when `parent` aborts or `timeoutMs` after now, whichever comes first.
 *
 * Not `AbortSignal.any([parent, AbortSignal.timeout(ms)])`: undici listens to a request's
 * signal through a weak listener, and a weak listener does not keep a composite signal
 * alive. After a garbage collection neither the parent's abort nor the deadline reached
 * the request any more, so a call could outlive its timeout and a draining runner wait
 * for it past its grace period. Here the parent's listener and the timer hold the
 * controller strongly until `release()`.
 */
export function callDeadline(parent: AbortSignal | undefined, timeoutMs: number): CallDeadline {
  const controller = new AbortController();
  let timedOut = false;
  const onParentAbort = () => controller.abort(parent?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`the call took longer than ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  // Still held by the timer list until it fires or is cleared, but it never keeps a
  // process running by itself: a call in flight holds its socket, and one whose caller
  // never released its deadline must not hold a stopping process for the timeout's length.
  timer.unref();
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    release() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}
