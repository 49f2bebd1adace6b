import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from '../../../src/main/web/lock';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir('tamga-lock-');

/** The pid of a process that has certainly finished. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '0']);
  return done.pid!;
}

describe('the data-folder lock', () => {
  it('lets one holder in and refuses a second while the first holds it', () => {
    const dir = tempDir();
    const first = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/already using this data folder/);
    first.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock left by a process that is gone, or a half-written one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid(), startedAt: '2026-01-01T00:00:00.000Z', token: 'old' }));
    const taken = acquireDataDirLock(dir);
    expect(taken.holder.pid).toBe(process.pid);
    taken.release();
    writeFileSync(join(dir, LOCK_FILE_NAME), '{"pid": 12');
    acquireDataDirLock(dir).release();
  });

  it('release leaves a lock that another holder took in place', () => {
    const dir = tempDir();
    const mine = acquireDataDirLock(dir, { isAlive: () => false });
    const theirs = acquireDataDirLock(dir, { isAlive: () => false });
    mine.release();
    expect(JSON.parse(readFileSync(theirs.file, 'utf8')).token).toBe(theirs.holder.token);
    theirs.release();
  });
});

function startServer(dataDir: string): { child: ChildProcess; output: Promise<{ code: number | null; text: string; started: boolean }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web.ts', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const output = new Promise<{ code: number | null; text: string; started: boolean }>((resolve) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('Tamga browser mode:')) resolve({ code: null, text, started: true });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => resolve({ code, text, started: false }));
  });
  return { child, output };
}

describe('browser mode on one data folder', () => {
  it('a second server exits at once with a one-line message, and the lock goes when the first stops', async () => {
    const dir = tempDir();
    const first = startServer(dir);
    try {
      expect((await first.output).started).toBe(true);
      const second = await startServer(dir).output;
      expect(second.started).toBe(false);
      expect(second.code).toBe(1);
      const lines = second.text.trim().split('\n').filter((l) => !l.includes('ExperimentalWarning') && !l.includes('--trace-warnings'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Tamga could not start: Another Tamga \(process \d+, started .+\) is already using this data folder/);
    } finally {
      const exited = new Promise((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGTERM');
      await exited;
    }
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  }, 60_000);
});
