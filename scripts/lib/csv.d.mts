export function csvField(v: unknown): string
export function toCsv(header: unknown[], rows: unknown[][], eol?: string): string
export function parseCsv(text: string, delimiter?: string): string[][]
export function parseCsvObjects(text: string, delimiter?: string): Record<string, string>[]
