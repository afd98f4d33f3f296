// Pyodide memory snapshots made in the visitor's own browser, for fast repeat visits.
//
// Most of a start is Pyodide's: instantiating CPython and importing its start-up
// modules, then the runtime's. A visit that finds no snapshot boots normally, with
// Pyodide's `_makeSnapshot` option; right after the runtime is imported, before any
// JavaScript callback enters Python, the worker copies Pyodide's memory (~31 MB) and
// stores it here, in Cache Storage. The next visit restores that memory instead
// (`_loadSnapshot`), which skips CPython's start and every import done so far.
//
// A snapshot is valid only for the exact files it was made from: its key names the
// site, the runtime's and stdlib's digests (the build writes them in
// config.integrity) and the protocol, and Pyodide itself refuses a snapshot from
// another pyodide.asm.wasm. A new build gets a new key; the site's older snapshots
// are deleted when a new one is stored. A site that loads packages at boot loads them
// after the restore as after a normal start (the snapshot is taken before them, and
// Pyodide's file system, where wheels install, is not in it): the build turns
// snapshots off for a site with a package that is not pure Python (config.snapshot
// false), as loading native libraries into restored memory is untested here. Nothing
// is stored (nor read) when the build turned snapshots off, or where Cache Storage is
// missing (plain http).
// Reading or storing never fails a boot: the worker falls back to a normal start.

import { PROTOCOL_VERSION } from "./protocol.mjs";

const CACHE_NAME = "stc-snapshots";
const PREFIX = "stc/snapshot/";

/** The Cache Storage URL of this build's snapshot, or null when there is none to use. */
export function snapshotKey(config) {
  const runtime = config.integrity?.runtime?.sha256;
  if (!config.snapshot || !runtime) return null;
  if (!globalThis.caches) return null;
  const stdlib = config.integrity?.stdlib?.sha256 ?? "pyodide";
  const site = config.site ?? new URL("../", self.location.href).href;
  return new URL(`${PREFIX}${runtime.slice(0, 16)}-${stdlib.slice(0, 16)}-p${PROTOCOL_VERSION}`, site).href;
}

/** The stored snapshot for `key`, or null. */
export async function readSnapshot(key) {
  if (!key) return null;
  try {
    const cache = await caches.open(CACHE_NAME);
    const response = await cache.match(key);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** Store `bytes` as the snapshot for `key`, replacing the site's older ones. */
export async function storeSnapshot(key, bytes) {
  try {
    const cache = await caches.open(CACHE_NAME);
    const folder = key.slice(0, key.lastIndexOf("/") + 1);
    for (const request of await cache.keys()) {
      if (request.url.startsWith(folder) && request.url !== key) await cache.delete(request);
    }
    const headers = { "Content-Type": "application/octet-stream" };
    await cache.put(key, new Response(bytes, { headers }));
  } catch (err) {
    // Full storage or a private window: the next visit boots normally.
    console.info(`stc: the start-up snapshot was not stored (${err?.name ?? err}).`);
  }
}

/** Forget the snapshot for `key` (it failed to restore). */
export async function dropSnapshot(key) {
  try {
    await (await caches.open(CACHE_NAME)).delete(key);
  } catch {
    // nothing stored, nothing to do
  }
}
