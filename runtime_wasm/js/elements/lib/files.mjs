// Files a visitor gives the page (uploads, chat attachments, camera and microphone
// captures), read for the worker as the protocol's file entries ({file_id, name, type,
// size, data}, see runtime_wasm/streamlit/elements/widgets/_file_uploader.py), and
// bytes to and from base64, which is how the protocol carries them.

/** The bytes of `file` (a File or Blob), base64. */
export function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** `bytes` (a Uint8Array) as base64, in chunks a call's arguments can hold. */
export function bytesToBase64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The bytes base64 `text` holds, as a Uint8Array. */
export function base64ToBytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let files = 0;

/** A page-unique file id: `prefix`, the time and a counter. */
export function fileId(prefix = "") {
  files += 1;
  return `${prefix}${Date.now().toString(36)}-${files}`;
}

/** The file entry of `file` (a File) that the worker receives, bytes included. */
export async function fileEntry(file, prefix = "") {
  return { file_id: fileId(prefix), name: file.name, type: file.type || "application/octet-stream", size: file.size, data: await readFile(file) };
}

/** `n` bytes as people read them: "512 B", "1.5 KB", "2.0 MB". */
export function formatSize(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
