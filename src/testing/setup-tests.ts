import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { mswServer } from '../../mocks/node';

beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));

// A page's code loads on its first visit in a test file; on a busy machine (several suites at
// once) that alone can pass the default 1 s of findBy*, so a wait fails a test that is right.
configure({ asyncUtilTimeout: 5000 });
afterEach(() => {
  cleanup();
  mswServer.resetHandlers();
  localStorage.clear();
});
afterAll(() => mswServer.close());

// A console.error during a test is a bug (a React warning, a failed request nobody handled).
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`);
  });
});

// jsdom has <dialog> but not its modal methods; real Chromium covers them in the e2e suite.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

// jsdom's Blob has neither arrayBuffer() nor stream(); the real BFF's in-memory blob store
// (server/support-bundles/memory-blob-store.ts) reads an uploaded bundle back through stream().
Blob.prototype.arrayBuffer ??= function (this: Blob) {
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The blob could not be read.'));
    reader.readAsArrayBuffer(this);
  });
};
Blob.prototype.stream ??= function (this: Blob) {
  const read = () => this.arrayBuffer();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new Uint8Array(await read()));
      controller.close();
    },
  }) as ReturnType<Blob['stream']>;
};
