import { run } from '../../main/cli';

/** Runs the command line in-process and collects what it printed, as a user's terminal would show it. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}
