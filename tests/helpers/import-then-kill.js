// Applies an import to a workspace, then kills its own process (SIGKILL) the moment the apply answers,
// before anything else can run: the checkpoint an import leaves until after its answer never happens.
// Says on stdout how many bytes the database file (not its write-ahead log) grew by in the apply.
// Every commit checkpoints here unless told not to (wal_autocheckpoint 1), so a checkpoint run in the
// commit would show. Runs the built app (dist/).
const fs = require('node:fs');
const path = require('node:path');
const [, , file, workbook, distRoot] = process.argv;
const { AppSession } = require(path.join(distRoot, 'dist/main/app/session.js'));

(async () => {
  const session = new AppSession(file);
  const id = await session.imports.start(workbook);
  const status = await session.imports.settled(id);
  if (status.state !== 'ready') throw new Error(`not ready: ${status.state} ${status.problems.slice(0, 3).join('; ')}`);
  session.ws.db.pragma('wal_autocheckpoint = 1');
  const before = fs.statSync(file).size;
  const applied = await session.imports.apply(id);
  // A pipe's writes are synchronous on Linux: this is read before the kill.
  process.stdout.write(`${JSON.stringify({ state: applied.state, grew: fs.statSync(file).size - before })}\n`);
  process.kill(process.pid, 'SIGKILL');
})().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(2);
});
