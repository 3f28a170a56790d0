import type { Channel, Priority, Tier } from '../../routing/types.js';

/** Enumerations shared by several schemas, checked against the routing contract's types. Free of other imports: the client lists them (as values). */
export const CHANNELS = ['public', 'dm'] as const satisfies readonly Channel[];
export const TIERS = [0, 1, 2] as const satisfies readonly Tier[];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly Priority[];
