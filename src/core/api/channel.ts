/** IPC channel for an API method: one channel per named method, never a generic one. */
export function channelOf(method: string): string {
  return `tamga:${method}`;
}
