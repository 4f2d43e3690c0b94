import { methodSpec, type Envelope, type Method } from '../../shared/api/contract';
import { toWireError, UserError } from '../../shared/api/errors';
import type { CallContext, Handlers } from './handlers';

export function isMethod(name: string): name is Method {
  return methodSpec(name) !== undefined;
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

/**
 * Validates a call's input with the contract's zod schema before any handler sees it, runs the handler
 * and wraps the result (or a plain-English error) in an envelope. Both transports call only this.
 */
export async function dispatch(handlers: Handlers, method: string, rawInput: unknown, ctx: CallContext, log: (err: unknown) => void = console.error): Promise<Envelope<unknown>> {
  try {
    if (!isMethod(method)) throw new UserError('not_found', `Outturn has no action called "${method}".`);
    const parsed = methodSpec(method)!.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new UserError('invalid_input', `That request was not understood: ${describeIssues(parsed.error.issues)}.`);
    const handler = handlers[method] as ((input: unknown, ctx: CallContext) => unknown) | undefined;
    if (!handler) throw new UserError('not_found', `Outturn has no action called "${method}".`);
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    if (!(err instanceof UserError)) log(err);
    return { ok: false, error: toWireError(err) };
  }
}

/**
 * One call of the contract by name, answered with its envelope: `dispatch` over a handler table in
 * this thread, or the host behind a message boundary (main/host). The transports take either.
 */
export type Dispatcher = (method: string, input: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

export function localDispatcher(handlers: Handlers, log?: (err: unknown) => void): Dispatcher {
  return (method, input, ctx) => dispatch(handlers, method, input, ctx, log);
}
