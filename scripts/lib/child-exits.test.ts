import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { trackChildProcesses } from './child-exits.ts';

test('waits for a child that was killed and unreferenced, as Pagefind leaves its indexer', async () => {
  const tracker = trackChildProcesses();
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  child.unref();
  child.kill();
  assert.equal(child.signalCode, null, 'not yet known to have exited when kill() returns');
  await tracker.allExited();
  assert.equal(child.signalCode, 'SIGTERM');
});

test('a child that has already exited, or never started, does not hold it up', async () => {
  const tracker = trackChildProcesses();
  const done = spawn('true');
  await new Promise((resolve) => done.once('exit', resolve));
  const missing = spawn('/nonexistent/command');
  missing.once('error', () => {});
  await tracker.allExited();
  assert.equal(done.exitCode, 0);
  assert.equal(missing.pid, undefined);
});

test('only the children started after tracking began are waited for', async () => {
  const before = spawn('sleep', ['30'], { stdio: 'ignore' });
  const tracker = trackChildProcesses();
  const after = spawn('sleep', ['0.1'], { stdio: 'ignore' });
  await tracker.allExited();
  assert.equal(after.exitCode, 0);
  assert.equal(before.exitCode, null);
  before.kill();
});
