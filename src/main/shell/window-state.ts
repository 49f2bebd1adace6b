/** Remembers the window's size and position between runs, in window-state.json in the data folder. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const stateSchema = z.object({
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  maximized: z.boolean().optional(),
});
export type WindowState = z.infer<typeof stateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820 };

export function loadWindowState(dataDir: string): WindowState {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify(state));
}
