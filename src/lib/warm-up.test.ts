import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUp } from './warm-up';

/** Stands in for the browser's Worker: records what the page sends, and answers when told to. */
class FakeWorker {
  static started: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  constructor(readonly url: URL) {
    FakeWorker.started.push(this);
  }
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve));
  return done;
};

describe('warmUp', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.started = [];
  });

  it('sends the worker the page language and waits for its answer', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const warm = warmUp('de');
    const [worker] = FakeWorker.started;
    expect(worker!.url.pathname).toMatch(/warm-up\.worker\.ts$/);
    expect(worker!.sent).toEqual(['de']);
    expect(await settled(warm)).toBe(false);

    worker!.onmessage!(new MessageEvent('message', { data: 'warm' }));
    expect(await settled(warm)).toBe(true);
    expect(worker!.terminated).toBe(true);
  });

  it('goes on without the warm-up when the worker fails', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const warm = warmUp('en');
    FakeWorker.started[0]!.onerror!(new ErrorEvent('error'));
    expect(await settled(warm)).toBe(true);
    expect(FakeWorker.started[0]!.terminated).toBe(true);
  });

  it('goes on at once when the browser refuses the worker', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('refused by the policy', 'SecurityError');
        }
      },
    );
    expect(await settled(warmUp('en'))).toBe(true);
  });

  it('goes on at once where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    expect(await settled(warmUp('en'))).toBe(true);
  });
});

describe('the warm-up worker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(['en', 'de'])('makes the formatters in %s and answers', async (lang) => {
    const scope = { onmessage: null as ((event: { data: string }) => void) | null, postMessage: vi.fn() };
    vi.stubGlobal('self', scope);
    vi.resetModules();
    await import('./warm-up.worker');
    scope.onmessage!({ data: lang });
    expect(scope.postMessage).toHaveBeenCalledWith('warm');
  });
});
