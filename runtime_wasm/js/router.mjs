// The page's routes in a multipage app: which app page an address names, and the
// address of a page. The site's root is where index.html lives; each page has its
// own folder with a static entry (`<root><url_path>/index.html`), so every address
// this module makes also works on reload and as a deep link, on any static host.
//
// page.mjs calls initRouter at boot (before any pushState moves document.baseURI);
// the navigation menu and page links (elements/pages.mjs) call pageUrl and follow.

let siteRoot = new URL("./", typeof document === "undefined" ? "http://localhost/" : document.baseURI);
let onFollow = null;

/**
 * @param {URL} root  the site's root URL (ends in "/")
 * @param {(page: string, search: string) => void} follow  go to an app page
 */
export function initRouter(root, follow) {
  siteRoot = root;
  onFollow = follow;
}

/** The url path of the app page `href` names: "" for the root (the default page). */
export function pageFromUrl(href) {
  const url = new URL(href, siteRoot);
  const root = siteRoot.pathname;
  if (!url.pathname.startsWith(root)) return "";
  const rest = url.pathname.slice(root.length).replace(/index\.html$/, "");
  const first = rest.split("/")[0] ?? "";
  try {
    return decodeURIComponent(first);
  } catch {
    return first;
  }
}

/** The address of app page `page` ("" = the default page), with `search` ("?a=1" or ""). */
export function pageUrl(page, search = "") {
  const url = new URL(page ? `${encodeURIComponent(page)}/` : "", siteRoot);
  url.search = search;
  return url;
}

/** The address of the site's file `path` ("stc/components/…"), from any page. */
export function siteUrl(path) {
  return new URL(path, siteRoot);
}

/** Go to app page `page`: the page pushes its address and tells the worker. */
export function follow(page, search = "") {
  onFollow?.(page, search);
}

/** A click that should open a new tab or window stays the browser's. */
export function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
