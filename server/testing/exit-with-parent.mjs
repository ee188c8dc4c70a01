// Preloaded into servers started by server/testing/server-process.ts (`node --import`). A child process
// outlives its parent on Linux, so if the test runner dies without cleaning up (SIGKILL, a crash),
// the server notices it has been orphaned and shuts itself down instead of holding a port.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 500).unref();
