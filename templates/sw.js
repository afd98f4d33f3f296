// stc's service worker, written by `stc build --service-worker` (templates/sw.js).
//
// Offline and instant repeat visits: at install it stores every file a first visit
// loads (FILES, with their sha256) in a cache of its own, named for this build; then
// it answers every request under its scope from that cache, and from the network
// (storing the answer) for what it does not hold (Pyodide's full stdlib, a package
// loaded at run time). One build's files are never mixed with another's:
// - a new build writes a new sw.js (its FILES differ), which the browser installs
//   beside the running one; the new one takes over only once no page of the old
//   build is open (no skipWaiting), so an open page keeps its own runtime and app;
// - the new worker's install fetches the new files, bypassing the HTTP cache, and
//   checks each against FILES: a host that still serves an old file makes the
//   install fail, and the old build stays in charge until the next try;
// - on activation it deletes the caches of older builds of this scope.
// Nothing here is required: a browser without service workers loads the site as is.

// site path -> sha256 of every file this build's pages load
const FILES = Object.fromEntries(
  Object.entries({{ config.integrity | script_json }}).map(([path, d]) => [path, d.sha256]),
);
const SCOPE = new URL("./", self.location.href).href;
const CACHE = `stc-site:${SCOPE}:${hash(JSON.stringify(FILES))}`;

function hash(text) {
  let h = 0x811c9dc5; // FNV-1a, 32 bits: a name for this build's cache
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function storeAll() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    Object.entries(FILES).map(async ([path, digest]) => {
      const url = new URL(path, SCOPE).href;
      const response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      const body = await response.arrayBuffer();
      if ((await sha256(body)) !== digest) throw new Error(`${path}: not this build's file`);
      const type = response.headers.get("Content-Type") ?? "application/octet-stream";
      await cache.put(url, new Response(body, { headers: { "Content-Type": type } }));
    }),
  );
}

self.addEventListener("install", (event) => event.waitUntil(storeAll()));

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(
        names
          .filter((name) => name.startsWith(`stc-site:${SCOPE}:`) && name !== CACHE)
          .map((name) => caches.delete(name)),
      ),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  url.hash = "";
  url.search = ""; // the app's query parameters name no file
  // A page address ("charts/") is its index.html.
  const key = url.href.endsWith("/") ? url.href + "index.html" : url.href;
  const found = await cache.match(key);
  if (found) return found;
  const response = await fetch(request);
  if (response.ok && request.mode !== "navigate") await cache.put(key, response.clone());
  return response;
}
