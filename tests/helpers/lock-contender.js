// One contender in the lock race test. It says "ready" at the starting line, waits for the start
// signal, tries to take the workspace lock and says whether it became the writer; a writer keeps the
// lock until the stop signal, so that every rival meets it. Runs the built lock module (dist/).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const [, , file, startSignal, stopSignal, distRoot] = process.argv;
const { acquireLock } = require(path.join(distRoot, 'dist/main/store/lock.js'));

process.stdout.write('ready\n');
while (!fs.existsSync(startSignal)) {
  // a busy wait, so that every contender leaves the starting line within a millisecond of the others
}
const lock = acquireLock(file, { osUser: `contender-${process.pid}`, machine: os.hostname() });
process.stdout.write(lock.acquired ? 'writer\n' : 'reader\n');
const wait = setInterval(() => {
  if (!fs.existsSync(stopSignal)) return;
  clearInterval(wait);
  if (lock.acquired) lock.release();
  process.exit(0);
}, 20);
