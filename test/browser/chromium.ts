// The browser suites find their own Chromium: CHROMIUM_PATH, else a Chromium already on the machine,
// else (as root on Debian) Debian's `chromium` package, installed here, so `npm test` passes on a fresh
// machine with nothing prepared. Playwright's own browser download is not used: it fetches browser
// builds from a host of its own, which machines limited to the package registries cannot reach.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const found = () => CANDIDATES.find(executable);

/** The path of a Chromium to launch; installs Debian's when there is none (this can take a few minutes once). */
export async function chromiumExecutable(): Promise<string> {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!executable(given)) throw new Error(`CHROMIUM_PATH=${given} is not an executable file`);
    return given;
  }
  const have = found();
  if (have) return have;
  if (process.getuid?.() !== 0 || !executable('/usr/bin/apt-get')) {
    throw new Error(
      `The browser tests need Chromium and found none (looked for ${CANDIDATES.join(', ')}). ` +
        "Install your system's chromium package, or set CHROMIUM_PATH to a Chromium or Chrome executable.",
    );
  }
  // flock: browser suites starting at once install it once; the second finds it installed.
  const script =
    `test -x ${DEBIAN_CHROMIUM} || { apt-get update -qq && ` +
    'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium >/dev/null; }';
  try {
    await run('flock', [join(tmpdir(), 'partnership-ledger-chromium.lock'), 'sh', '-c', script], {
      timeout: 15 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const { stderr } = err as { stderr?: string };
    throw new Error(`Installing Debian's chromium package for the browser tests failed: ${stderr?.trim() || String(err)}`, {
      cause: err,
    });
  }
  if (!executable(DEBIAN_CHROMIUM)) throw new Error(`apt-get installed chromium, yet ${DEBIAN_CHROMIUM} is missing`);
  return DEBIAN_CHROMIUM;
}

/** How long a suite's beforeAll may take when it has to install the browser first. */
export const INSTALL_TIMEOUT_MS = 16 * 60_000;
