import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TransferStore } from '../../../src/main/io/transfers';
import { openThroughDialog, saveThroughDialog, type FileDialogs } from '../../../src/main/shell/file-bridge';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir();

function dialogs(picked: string | null, chosen: string | null, seen: { filters?: unknown; name?: string } = {}): FileDialogs {
  return {
    pickFile: async (filters) => {
      seen.filters = filters;
      return picked;
    },
    choosePath: async (name) => {
      seen.name = name;
      return chosen;
    },
  };
}

describe('the desktop file dialogs', () => {
  it('copy a picked file into the transfer store and hand back an id, never the path', async () => {
    const dir = tempDir();
    const original = join(dir, 'перевозчик.xlsx');
    writeFileSync(original, 'sheet bytes');
    const store = new TransferStore(dir);
    const got = await openThroughDialog(dialogs(original, null), store, [{ name: 'Excel', extensions: ['xlsx'] }]);
    expect(got).not.toBeNull();
    expect(JSON.stringify(got)).not.toContain(dir);
    const stored = await store.get(got!.fileId);
    expect(readFileSync(stored!.path, 'utf8')).toBe('sheet bytes');
    expect(readFileSync(original, 'utf8')).toBe('sheet bytes');
  });

  it('return null when the broker cancels, and ignore hostile filters', async () => {
    const seen: { filters?: unknown } = {};
    const store = new TransferStore(tempDir());
    expect(await openThroughDialog(dialogs(null, null, seen), store, [{ name: 'x', extensions: ['../../etc'] }])).toBeNull();
    expect(seen.filters).toEqual([]);
  });

  it('save a prepared download only where the broker chose, and refuse unknown or malformed ids', async () => {
    const dir = tempDir();
    const store = new TransferStore(dir);
    const prepared = await store.create('case-7.xlsx');
    writeFileSync(prepared.path, 'workbook');
    const target = join(dir, 'saved.xlsx');
    const seen: { name?: string } = {};
    expect(await saveThroughDialog(dialogs(null, target, seen), store, prepared.id, 'Дело 7.xlsx')).toBe(true);
    expect(seen.name).toBe('Дело 7.xlsx');
    expect(readFileSync(target, 'utf8')).toBe('workbook');
    expect(await saveThroughDialog(dialogs(null, target), store, '../../etc/passwd', 'x')).toBe(false);
    expect(await saveThroughDialog(dialogs(null, target), store, 'f'.repeat(32), 'x')).toBe(false);
    expect(await saveThroughDialog(dialogs(null, null), store, prepared.id, 'x')).toBe(false);
  });
});
