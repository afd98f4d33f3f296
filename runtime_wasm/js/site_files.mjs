// The site's own files as the build wrote them: fetched, checked, and named in errors.
//
// A site uploaded halfway, or a file cut short on its way to the host, used to show a
// Pyodide traceback ("/tmp/tmpab12 is not a zip file"). The build records every file's
// size and sha256 (stc-build.json); the page config carries those of runtime.zip and
// app.zip (BootConfig.integrity), and the worker checks them before unpacking, so a
// visitor reads which file is wrong and the site's owner what to do about it.
//
// The check runs while Pyodide boots (about 2 s of CPU), and SHA-256 of the two zips
// (about 1.5 MB for a small app) takes a few milliseconds, so it adds nothing visible.

const ADVICE =
  "Rebuild the site with `stc build` and upload the whole folder again. If it was " +
  "published a moment ago, reload the page in a minute: the host may still be serving " +
  "some files of the previous version.";

/** A file of the site is missing or not the one the build wrote. */
export class DamagedSiteError extends Error {
  constructor(file, problem) {
    super(`This site is damaged or only partly uploaded: ${file} ${problem}.`);
    this.name = "DamagedSiteError";
    this.file = file;
    this.detail = ADVICE;
  }
}

/** `url` relative to the site's root folder `site` (its name in messages), else `url`. */
export function siteFileName(url, site) {
  return site && url.startsWith(site) ? url.slice(site.length) : url;
}

/** The error for an HTTP failure of one of the site's files. */
export function downloadError(file, status) {
  if (status === 404 || status === 410) return new DamagedSiteError(file, `is missing (HTTP ${status})`);
  const error = new Error(`Could not download ${file}: HTTP ${status}.`);
  error.detail = "The host may be having trouble; reload the page later.";
  return error;
}

/**
 * Fetch one of the site's files; with `digest` ({file, size, sha256}), check it is the
 * file the build wrote. Throws DamagedSiteError when it is missing or differs. A
 * `.gz` file comes back inflated.
 */
export async function fetchSiteFile(url, file, digest) {
  const response = await fetch(url);
  if (!response.ok) throw downloadError(digest?.file ?? file, response.status);
  return checkedFile(new Uint8Array(await response.arrayBuffer()), digest, url.endsWith(".gz"));
}

/**
 * `bytes` checked against `digest`, and inflated when `gzipped` (a `.gz` file). The
 * digest is of the file as written: a host that sent a `.gz` with Content-Encoding:
 * gzip had the browser inflate it already, and only the zip reader checks it then.
 */
async function checkedFile(bytes, digest, gzipped) {
  if (digest && (!gzipped || isGzip(bytes))) await checkDigest(bytes, digest);
  return gzipped ? await gunzipped(bytes) : bytes;
}

// The runtime and the site's stdlib ship as solid zips (stored members, the whole zip
// gzip-compressed: compiler/emit/_zip.py), since static hosts send .gz files as they
// are. A host that labels them Content-Encoding: gzip instead has the browser inflate
// them on the way; both arrive here, told apart by the gzip magic number.
const GZIP_MAGIC = [0x1f, 0x8b];

function isGzip(bytes) {
  return bytes.byteLength > 1 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** `bytes` inflated when they are gzip data, else as they are. */
async function gunzipped(bytes) {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * `response` with its body checked against `digest` and inflated: Pyodide's loader
 * fetches the stdlib itself, so the worker's fetch hands it this. Pyodide reads the
 * whole body anyway; inflating 3-4 MB natively takes a few milliseconds.
 */
export async function gunzippedResponse(response, digest) {
  if (!response.ok) return response;
  const bytes = await checkedFile(new Uint8Array(await response.arrayBuffer()), digest, true);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
}

/** Throw DamagedSiteError unless `bytes` has the size and sha256 of `digest`. */
export async function checkDigest(bytes, { file, size, sha256 }) {
  if (bytes.byteLength !== size) {
    throw new DamagedSiteError(file, `has ${bytes.byteLength} bytes instead of ${size}`);
  }
  // crypto.subtle exists only in secure contexts (https, localhost): on plain http
  // from a LAN address the size check above is all there is.
  if (!globalThis.crypto?.subtle) return;
  const actual = hex(await crypto.subtle.digest("SHA-256", bytes));
  if (actual !== sha256) {
    throw new DamagedSiteError(file, `differs from the file the build wrote (sha256 ${actual.slice(0, 12)}…, expected ${sha256.slice(0, 12)}…)`);
  }
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}
