/** A fake engine for the stores' unit tests: answers each statement with `answer(sql, params)`, when released. */
import type { Db, Row, SqlParam } from '../../../src/db/types'

export interface FakeDb extends Db {
  /** Statements run, in order. */
  ran: string[]
  /** Answer the oldest held statement (held = `hold` is on). */
  release(): void
  /** Statements waiting for release(). */
  readonly held: number
}

export function fakeDb(answer: (sql: string, params: readonly SqlParam[]) => Row[] = () => [], opts: { hold?: boolean } = {}): FakeDb {
  const waiting: (() => void)[] = []
  const db: FakeDb = {
    ran: [],
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      db.ran.push(sql)
      if (opts.hold) await new Promise<void>((r) => waiting.push(r))
      return answer(sql, params) as T[]
    },
    async exec() {},
    queryIpc: () => Promise.reject(new Error('fakeDb: no Arrow IPC')),
    insertIpc: () => Promise.reject(new Error('fakeDb: no Arrow IPC')),
    async registerFile() {},
    async dropFile() {},
    session: (_name, fn) => fn(db),
    async close() {},
    release: () => { waiting.shift()?.() },
    get held() { return waiting.length },
  }
  return db
}

/** Let promise callbacks and Vue's scheduler run. */
export const flush = async (n = 5): Promise<void> => { for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0)) }
