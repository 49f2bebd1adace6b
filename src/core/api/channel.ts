/** IPC channel for an API method: one channel per named method, never a generic one. */
export function channelOf(method: string): string {
  return `tamga:${method}`;
}

/**
 * The two file dialogs of the desktop shell. They sit beside the API rather than in it because
 * only the shell can show a native dialog; the renderer never sees or names a path.
 */
export const FILE_CHANNELS = {
  open: 'tamga-files:open',
  save: 'tamga-files:save',
  /** print a stored statement to PDF and save it where the broker chooses */
  statementPdf: 'tamga-files:statement-pdf',
} as const;
