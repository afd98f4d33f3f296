// IndexedDB storage for st.cache_data, worker side. The Python half is
// runtime_wasm/_cache_store.py, which documents the wire format (JSON; values are
// base64 strings this file never decodes).
//
// Database "stc-cache", object store "entries", one record per cached value under
// the key [namespace, key]. The namespace is the site's folder on its origin (the
// page's URL path without the file name), so two sites on one origin never share
// entries. Reads happen once, before the first run (`openCacheStore`); writes come
// back from Python after each run as a journal (`persist`), applied in one
// transaction: Python never waits on IndexedDB.
//
// IndexedDB unavailable, blocked, slow, full (QuotaExceededError) or corrupted:
// the cache falls back to memory for this tab, with ONE console.warn, never an
// error and never a failed boot.

const DB_NAME = "stc-cache";
const DB_VERSION = 1;
const STORE = "entries";
const OPEN_TIMEOUT_MS = 3000;

let warned = false;

function warnOnce(reason) {
  if (warned) return;
  warned = true;
  const why = reason?.name ? `${reason.name}: ${reason.message ?? ""}` : String(reason);
  console.warn(`stc: st.cache_data cannot use IndexedDB (${why}); cached values are kept in memory for this tab only.`);
}

/** The site's folder on its origin: "/a/b/" for "https://host/a/b/index.html?x". */
export function cacheNamespace(pageUrl) {
  try {
    const path = new URL(pageUrl).pathname;
    return path.slice(0, path.lastIndexOf("/") + 1) || "/";
  } catch {
    return "/";
  }
}

function openDatabase() {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
    const done = (fn, value) => {
      clearTimeout(timer);
      fn(value);
    };
    let request;
    try {
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (err) {
      done(reject, err);
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
    };
    request.onblocked = () => done(reject, new Error("blocked by another tab"));
    request.onerror = (event) => {
      event.preventDefault?.();
      done(reject, request.error);
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      done(resolve, db);
    };
  });
}

function rangeOf(namespace) {
  // Array keys sort after strings, so [ns, []] is above every [ns, "<key>"].
  return IDBKeyRange.bound([namespace], [namespace, []]);
}

function readAll(db, namespace) {
  return new Promise((resolve, reject) => {
    const request = db.transaction(STORE, "readonly").objectStore(STORE).getAll(rangeOf(namespace));
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault?.();
      reject(request.error);
    };
  });
}

/**
 * Open the site's cache. Never rejects: on any failure it warns once and returns
 * an empty, memory-only store (`persist` is null).
 * @returns {Promise<{entriesJson: string, persist: ((journalJson: string) => void) | null, ms: number}>}
 */
export async function openCacheStore(namespace) {
  const started = performance.now();
  let db = null;
  try {
    if (typeof indexedDB === "undefined") throw new Error("indexedDB is not defined");
    db = await openDatabase();
    const entries = await readAll(db, namespace);
    const entriesJson = JSON.stringify(entries.filter((e) => e && typeof e === "object"));
    const persist = (journalJson) => {
      if (db === null) return;
      try {
        applyJournal(db, namespace, JSON.parse(journalJson), (err) => {
          warnOnce(err);
          db?.close();
          db = null;
        });
      } catch (err) {
        warnOnce(err);
        db?.close();
        db = null;
      }
    };
    return { entriesJson, persist, ms: performance.now() - started };
  } catch (err) {
    warnOnce(err);
    try {
      db?.close();
    } catch {
      // closing a broken connection may throw; nothing to do
    }
    return { entriesJson: "[]", persist: null, ms: performance.now() - started };
  }
}

/** Apply one run's journal in one transaction (created now, committed in order). */
function applyJournal(db, namespace, journal, onFailure) {
  const tx = db.transaction(STORE, "readwrite");
  const store = tx.objectStore(STORE);
  tx.onabort = () => onFailure(tx.error ?? new Error("transaction aborted"));
  for (const op of journal) {
    if (op.op === "put") {
      const { key, func, name, created, value } = op;
      store.put({ key, func, name, created, value }, [namespace, key]);
    } else if (op.op === "delete") {
      store.delete([namespace, op.key]);
    } else if (op.op === "clear") {
      store.delete(rangeOf(namespace));
    }
  }
  tx.commit?.();
}
