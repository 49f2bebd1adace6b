/**
 * The desktop side of file transfer: a native open dialog copies the picked file into the
 * backend's transfer store (the renderer gets an id, never a path), and a native save dialog
 * copies a prepared download where the broker chooses. The dialogs are injected, so this runs
 * and is tested without Electron; src/main/index.ts passes Electron's dialogs in.
 */
import { copyFile } from 'node:fs/promises';
import { z } from 'zod';
import type { TransferStore } from '../io/transfers';

const filtersSchema = z
  .array(z.strictObject({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/i)).max(20) }))
  .max(10);
const idSchema = z.string().regex(/^[0-9a-f]{32}$/);
const nameSchema = z.string().min(1).max(200);

export type FileFilters = z.infer<typeof filtersSchema>;

export interface FileDialogs {
  /** the path the broker picked, or null when cancelled */
  pickFile(filters: FileFilters): Promise<string | null>;
  /** the path the broker chose to save to, or null when cancelled */
  choosePath(defaultName: string): Promise<string | null>;
}

export async function openThroughDialog(
  dialogs: FileDialogs,
  transfers: TransferStore,
  filters: unknown,
): Promise<{ fileId: string; fileName: string } | null> {
  const parsed = filtersSchema.safeParse(filters ?? []);
  const path = await dialogs.pickFile(parsed.success ? parsed.data : []);
  if (path === null) return null;
  const stored = await transfers.adopt(path);
  return { fileId: stored.id, fileName: stored.name };
}

export async function saveThroughDialog(dialogs: FileDialogs, transfers: TransferStore, id: unknown, name: unknown): Promise<boolean> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return false;
  const stored = await transfers.get(parsedId.data);
  if (!stored) return false;
  const parsedName = nameSchema.safeParse(name);
  const target = await dialogs.choosePath(parsedName.success ? parsedName.data : stored.name);
  if (target === null) return false;
  await copyFile(stored.path, target);
  return true;
}
