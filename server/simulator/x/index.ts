/** Public surface of the X API v2 simulator. */
export { startXSimulator, type RunningXSimulator } from './server.js';
export { createXSimulatorApp } from './app.js';
export { XSimulator, type AddDmInput, type AddMentionInput } from './simulator.js';
export type { XSimulatorOptions, FeedOptions } from './options.js';
export type { FaultKind, FaultSpec, QueuedFault } from './faults.js';
export type { EndpointName } from './endpoints.js';
export type { EndpointStats } from './stats.js';
export type { PostedTweet, SentDm } from './posted.js';
export type { SimDmEvent, SimTweet, SimUser, UserSpec } from './model.js';
export type { OAuth1Credentials } from './oauth1.js';
export type { AuthConfig } from './auth.js';
export { X_RATE_LIMITS, type EndpointLimit, type WindowRule } from './rateLimits.js';
export { simulatorClientSettings, pointClientAtSimulator } from './client.js';
