import type { Connector, ConnectorHealth, OutgoingReply, SendResult } from '../../server/connectors/connector.js';

export type Step = string | Error | Promise<string> | SendResult;

/** A connector whose sends do what the test scripts: each call takes the next step (an id to answer, or an error to throw), or the step the script picks for the reply. */
export class ScriptedConnector implements Connector {
  readonly name = 'x';
  readonly platform = 'x';
  readonly sent: Array<{ reply: OutgoingReply; at: number }> = [];
  constructor(private readonly steps: Step[] | ((reply: OutgoingReply) => Step | undefined)) {}
  start(): void {}
  async stop(): Promise<void> {}
  async pollOnce(): Promise<void> {}
  health(): ConnectorHealth {
    return { name: this.name, status: 'ok', lastPollAt: null, problem: null, streams: [] };
  }
  async send(reply: OutgoingReply): Promise<SendResult> {
    this.sent.push({ reply, at: Date.now() });
    const step = typeof this.steps === 'function' ? this.steps(reply) : this.steps.shift();
    if (step === undefined) throw new Error('no step left');
    if (step instanceof Error) throw step;
    if (typeof step === 'object' && !(step instanceof Promise)) return step;
    return { externalId: await step };
  }
}
