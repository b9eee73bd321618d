// WebKit for @web/test-runner: apt `webkit2gtk-driver` (WebKitWebDriver + MiniBrowser) driven
// through @web/test-runner-webdriver. MiniBrowser needs an X display (without one the WebDriver
// session hangs instead of failing), so the launcher starts its own Xvfb on a free display and
// a WebKitWebDriver on a free loopback port, each in its own process group, and kills both
// groups when the launcher stops, when the process exits, or on SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { systemPaths } from '../../scripts/system-packages.mjs';

// WEBKIT_DRIVER, WEBKIT_MINIBROWSER and XVFB override the packages' paths
const { webkitDriver: WEBKIT_DRIVER, miniBrowser: MINIBROWSER, xvfb: XVFB } = systemPaths();

/** Process groups we started; killed synchronously on exit so nothing outlives the run. */
const groups = new Set();

function killGroup(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

function killAll() {
  for (const child of groups) killGroup(child, 'SIGKILL');
  groups.clear();
}

process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function startGroup(cmd, args, options = {}) {
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  groups.add(child);
  child.on('exit', () => groups.delete(child));
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

/** Starts Xvfb with -displayfd so the X server itself picks a free display number. */
async function startXvfb() {
  if (!existsSync(XVFB)) throw new Error(`WebKit tests need Xvfb (${XVFB}); install apt packages xvfb xauth`);
  const child = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  groups.add(child);
  child.on('exit', () => groups.delete(child));
  let stderr = '';
  child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
  const display = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not report a display within 15 s\n${stderr}`)), 15_000);
    child.stdio[3].on('data', (c) => {
      buf += c;
      if (buf.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${buf.trim()}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code}\n${stderr}`));
    });
  });
  child.stdio[3].destroy();
  return { child, display };
}

async function waitForDriver(port, proc, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${proc.child.exitCode}\n${proc.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms\n${proc.output()}`);
}

class WebKitGtkLauncher extends WebdriverLauncher {
  constructor(options) {
    super(options);
    this.processes = [];
  }

  async initialize(config, testFiles) {
    for (const bin of [WEBKIT_DRIVER, MINIBROWSER]) {
      if (!existsSync(bin)) throw new Error(`WebKit tests need ${bin}; install apt package webkit2gtk-driver`);
    }
    const xvfb = await startXvfb();
    const port = await freePort();
    const driver = startGroup(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
      env: { ...process.env, DISPLAY: xvfb.display },
    });
    this.processes = [driver.child, xvfb.child];
    await waitForDriver(port, driver);
    // read by webdriverio's remote() when the first session starts
    this.options.hostname = '127.0.0.1';
    this.options.port = port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      for (const child of this.processes) killGroup(child);
      this.processes = [];
    }
  }
}

export function webkitLauncher() {
  return new WebKitGtkLauncher({
    automationProtocol: 'webdriver',
    logLevel: 'error',
    hostname: '127.0.0.1',
    port: 0,
    path: '/',
    connectionRetryCount: 0,
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {
        binary: MINIBROWSER,
        args: ['--automation'],
      },
    },
  });
}

/** Kills every Xvfb / WebKitWebDriver group still running (used by the config's serverStop). */
export const killWebkitProcesses = killAll;
