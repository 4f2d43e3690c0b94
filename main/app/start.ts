import path from 'node:path';
import { fetchElectron, launchElectron } from '../electron/launch';
import { defaultWorkspacePath } from './paths';
import { printAndWait, serveWorkspace } from './serve';

/**
 * `npm start`: the Electron window where its binary is installed; otherwise the same renderer served on
 * loopback for a browser on this machine (build machines cannot download Electron).
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const portFlag = args.indexOf('--port');
  const port = portFlag >= 0 ? Number(args[portFlag + 1]) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    process.stderr.write('--port takes a whole number from 0 to 65535.\n');
    return 1;
  }
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--port');
  const appDir = path.resolve(__dirname, '..', '..', '..');
  const say = (line: string) => process.stdout.write(line + '\n');
  if (process.env.OUTTURN_NO_ELECTRON !== '1') {
    const binary = await fetchElectron({ log: say });
    if (binary) return launchElectron(appDir, positional, { binary });
  }
  const file = positional[0] ? path.resolve(positional[0]) : defaultWorkspacePath();
  say('Electron is not available on this machine, so Outturn is serving the same app to your browser instead.');
  // The host creates the demo workspace on first run, in its own thread like every database step.
  const served = await serveWorkspace(file, { ...(port !== undefined ? { port } : {}), ...(positional[0] ? {} : { demoIfMissing: true }) });
  await printAndWait(served, (line) => process.stdout.write(line + '\n'));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
