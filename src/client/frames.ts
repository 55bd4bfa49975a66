/** Waiting for the browser: for the frame being painted, or for a moment with nothing else to do. */

/** Resolves once the current frame has been painted (in a hidden tab, at the next task). */
export function afterPaint(): Promise<void> {
  return new Promise((done) => {
    if (document.hidden) setTimeout(done);
    else requestAnimationFrame(() => setTimeout(done));
  });
}

/** Resolves when the browser is idle (or after a short wait where it cannot say). */
export function whenIdle(): Promise<void> {
  return new Promise((done) =>
    'requestIdleCallback' in window ? requestIdleCallback(() => done(), { timeout: 2000 }) : setTimeout(done, 200),
  );
}
