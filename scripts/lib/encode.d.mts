export type TextEncodingName = 'utf8' | 'utf8-bom' | 'gb18030'
export function encodeText(text: string, encoding: TextEncodingName): Uint8Array
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string
export function encodeFiles(files: Record<string, string>, encoding: TextEncodingName): Record<string, Uint8Array>
