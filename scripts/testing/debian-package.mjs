// How a test gets a Debian package it needs (skopeo, postgresql, chromium), in one place for the
// server tests, the e2e suite and scripts/ensure-chromium.mjs: installed with apt-get when it is
// missing and we run as root, waiting for dpkg's lock while another install holds it; otherwise
// the reason, with the command to run.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

const LOCK_WAIT_SECONDS = 300;

/**
 * @param {string} name the Debian package
 * @param {() => boolean} isInstalled whether what the test needs is there, e.g. its binary
 * @returns {Promise<string | null>} null once it is installed, else why it is not
 */
export async function ensureDebianPackage(name, isInstalled) {
  if (isInstalled()) return null;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get'))
    return `${name} is not installed. Install it with: sudo apt-get update && sudo apt-get install -y ${name}`;
  try {
    await aptGet('install', '-y', name).catch(async () => {
      // A fresh machine or container often has no package lists yet.
      await aptGet('update');
      await aptGet('install', '-y', name);
    });
  } catch (error) {
    return `${name} could not be installed: ${error instanceof Error ? error.message : String(error)}`;
  }
  return isInstalled() ? null : `apt-get installed ${name}, but what the test needs from it is still missing`;
}

/** @param {string[]} args */
function aptGet(...args) {
  return new Promise((resolve, reject) => {
    execFile(
      'apt-get',
      ['-o', `DPkg::Lock::Timeout=${LOCK_WAIT_SECONDS}`, ...args],
      {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: 900_000,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, _stdout, stderr) => {
        if (!error) return resolve(undefined);
        const tail = stderr.trim().split('\n').slice(-5).join('\n');
        reject(new Error(`apt-get ${args.join(' ')} failed: ${tail || error.message}`));
      },
    );
  });
}
