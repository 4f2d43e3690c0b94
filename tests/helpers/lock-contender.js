// One contender in the lock race test: waits for the start signal, tries to take the workspace lock,
// says whether it became the writer, holds the lock a moment so every rival meets it, then lets go.
// Runs the built lock module (dist/), as the app does.
const fs = require('node:fs');
const path = require('node:path');
const [, , file, startSignal, holdMs, distRoot] = process.argv;
const { acquireLock } = require(path.join(distRoot, 'dist/main/store/lock.js'));

while (!fs.existsSync(startSignal)) {
  // a busy wait, so that every contender leaves the starting line within a millisecond of the others
}
const lock = acquireLock(file, { osUser: `contender-${process.pid}`, machine: require('node:os').hostname() });
process.stdout.write(lock.acquired ? 'writer\n' : 'reader\n');
setTimeout(() => {
  if (lock.acquired) lock.release();
  process.exit(0);
}, Number(holdMs));
