import { describe, expect, it } from 'vitest';
import { EventBus, type LiveEvent } from './event-bus';

const event: LiveEvent = { type: 'attempt.updated', teamId: 'team-1', attemptId: 'a' };

describe('EventBus', () => {
  it('delivers to the team’s listeners only', () => {
    const bus = new EventBus();
    const heard: string[] = [];
    bus.subscribe('team-1', () => heard.push('one'));
    bus.subscribe('team-2', () => heard.push('two'));
    bus.publish(event);
    expect(heard).toEqual(['one']);
  });

  it('keeps a newer listener when an old one unsubscribes twice', () => {
    const bus = new EventBus();
    const heard: string[] = [];
    const leave = bus.subscribe('team-1', () => heard.push('old'));
    leave();
    bus.subscribe('team-1', () => heard.push('new'));
    leave(); // A stream that ends twice (abort, then its keep-alive loop) must not drop the new one.
    bus.publish(event);
    expect(heard).toEqual(['new']);
  });
});
