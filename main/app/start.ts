import path from 'node:path';
import { electronBinary, launchElectron } from '../electron/launch';
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
  if (electronBinary()) return launchElectron(appDir, positional);
  const file = positional[0] ? path.resolve(positional[0]) : defaultWorkspacePath();
  process.stdout.write('Electron is not installed on this machine, so Outturn is serving the same app to your browser instead.\n');
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
