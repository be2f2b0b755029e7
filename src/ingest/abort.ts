/** Cancelling a load: one error type, thrown at checkpoints between steps (never mid-statement). */
class LoadCancelled extends Error {
  constructor() {
    super('载入已取消')
    this.name = 'AbortError'
  }
}

export const isCancelled = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError'

/** Throw LoadCancelled when the signal fired. */
export function checkpoint(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LoadCancelled()
}
