import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installKeys } from './installs';
import { useLiveAttempt } from './live-attempt';

/** The browser's EventSource as far as the hook uses it; jsdom has none. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (event: MessageEvent<string>) => void>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  /** The portal sends an event. */
  receive(type: string, data: unknown) {
    this.readyState = FakeEventSource.OPEN;
    this.listeners.get(type)?.(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  /** The stream ends or a reconnect is refused; the browser says which by readyState. */
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeEventSource.opened = [];
});

function render() {
  vi.stubGlobal('EventSource', FakeEventSource);
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useLiveAttempt('t-1', 'a-1', true), { wrapper });
  return { ...hook, queryClient, source: FakeEventSource.opened[0]! };
}

describe('useLiveAttempt', () => {
  it('keeps the attempt fresh from the stream', () => {
    const { result, queryClient, source } = render();
    expect(source.url).toBe('/api/installs/a-1/events');
    act(() => source.receive('attempt', { id: 'a-1', status: 'in_progress' }));
    expect(queryClient.getQueryData(installKeys.detail('t-1', 'a-1'))).toEqual({ id: 'a-1', status: 'in_progress' });
    expect(result.current).toBe('live');
  });

  it('polls, starting at once, when the portal ends the stream, and keeps polling if it refuses to resume', () => {
    const { result, queryClient, source, unmount } = render();
    act(() => source.receive('attempt', { id: 'a-1', status: 'in_progress' }));

    act(() => source.fail(FakeEventSource.CONNECTING)); // ended: the browser will try again
    expect(result.current).toBe('polling');
    expect(queryClient.getQueryState(installKeys.detail('t-1', 'a-1'))?.isInvalidated).toBe(true);

    act(() => source.fail(FakeEventSource.CLOSED)); // signed out: the reconnect got a 401
    expect(result.current).toBe('polling');
    unmount();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
  });
});
