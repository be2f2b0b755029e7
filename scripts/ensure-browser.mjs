#!/usr/bin/env node
// Before the browser tests: Debian's Chromium and the Noto CJK fonts must be installed (never a
// downloaded browser). Quick and silent when both are present; installs them with apt as root.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function hasCjkFonts() {
  const r = spawnSync('fc-list', [], { encoding: 'utf8' })
  return r.status === 0 && /Noto Sans CJK/i.test(r.stdout)
}

const missing = []
if (!existsSync(CHROMIUM)) missing.push('chromium')
if (!hasCjkFonts()) missing.push('fonts-noto-cjk')
if (missing.length === 0) process.exit(0)

if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  console.error(`ensure-browser: missing ${missing.join(', ')}. Install as root, then run the tests again:\n` +
    '  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk')
  process.exit(1)
}
console.log(`ensure-browser: installing ${missing.join(', ')} with apt-get (Debian packages)…`)
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
try {
  execSync('apt-get update', { stdio: 'inherit', env })
  // Both packages every time: apt skips what is installed; fontconfig comes with them.
  execSync('apt-get install -y chromium fonts-noto-cjk fontconfig', { stdio: 'inherit', env })
  execSync('fc-cache -f', { stdio: 'ignore' })
} catch (e) {
  console.error(`ensure-browser: apt-get failed: ${e instanceof Error ? e.message : e}`)
  process.exit(1)
}
if (!existsSync(CHROMIUM) || !hasCjkFonts()) {
  console.error('ensure-browser: chromium or the Noto CJK fonts are still missing after apt-get install')
  process.exit(1)
}
console.log('ensure-browser: chromium and fonts-noto-cjk installed')
