/**
 * Has a worker load ICU's locale data, off the page's main thread, before the page's first date
 * or number needs it (decision 022). That data, and V8's table of the locales ICU knows, are kept
 * by the renderer process, not by one thread: once the worker has made a formatter, the page's own
 * first formatter costs it under a millisecond rather than 25–35 ms. Resolves when the worker is
 * done, or at once where none can start.
 */
export function warmUp(lang: string): Promise<void> {
  if (typeof Worker === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./warm-up.worker.ts', import.meta.url));
    } catch {
      return resolve(); // Refused at once, as some browsers refuse a worker their policy forbids.
    }
    worker.onmessage = worker.onerror = () => {
      worker.terminate();
      resolve();
    };
    worker.postMessage(lang);
  });
}
