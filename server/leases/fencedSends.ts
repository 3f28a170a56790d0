import type { Connector } from '../connectors/connector.js';
import type { Fence } from './leasedWork.js';

/** The connector as the reply outbox uses it: each send first proves the outbox's lease is still held (LeaseLostError otherwise, and nothing leaves). */
export function fencedSends(connector: Connector, fence: Fence): Connector {
  return new Proxy(connector, {
    get(target, property, receiver) {
      if (property !== 'send') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      }
      return async (reply: Parameters<Connector['send']>[0]) => {
        await fence.assertHeld();
        return target.send(reply);
      };
    },
  });
}
