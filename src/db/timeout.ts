/**
 * The start-up bound of the browser engine: a `.wasm` served with the wrong MIME type makes instantiate() hang
 * forever, so the start is given up after `ms` (or when `expire` is aborted) with `message`.
 */
export function withTimeout<T>(p: Promise<T>, ms: number, expire: AbortSignal | undefined, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const giveUp = () => reject(new Error(message))
    const timer = setTimeout(giveUp, ms)
    expire?.addEventListener('abort', giveUp, { once: true })
    if (expire?.aborted) giveUp()
    const done = () => { clearTimeout(timer); expire?.removeEventListener('abort', giveUp) }
    p.then((v) => { done(); resolve(v) }, (e: unknown) => { done(); reject(e) })
  })
}
