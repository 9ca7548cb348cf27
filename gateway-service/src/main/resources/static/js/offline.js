// The offline queue: a check made without network (typed or photo) is kept in IndexedDB with the time it was
// made, listed on screen, and sent when the network returns (the page's "online" event, and the service
// worker's background sync which asks the open pages to flush). Sent items carry their original time,
// "capturedAt" (ISO-8601): in a typed check's JSON body, as a multipart part of a photo check. The service
// judges the documents as of that time and refuses one older than 7 days (docs/api.md).
const DB = 'autochec';
const STORE = 'queue';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function tx(mode, fn) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const result = fn(transaction.objectStore(STORE));
    transaction.oncomplete = () => { db.close(); resolve(result && 'result' in result ? result.result : result); };
    transaction.onerror = () => { db.close(); reject(transaction.error); };
  });
}

const listeners = new Set();
export function onQueueChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }
async function changed() { const items = await list(); listeners.forEach((fn) => fn(items)); }

export async function enqueue(item) {
  const id = await tx('readwrite', (store) => store.add({ ...item, queuedAt: new Date().toISOString() }));
  changed();
  if ('serviceWorker' in navigator && navigator.serviceWorker.ready) {
    navigator.serviceWorker.ready.then((reg) => reg.sync && reg.sync.register('autochec-queue')).catch(() => {});
  }
  return id;
}

export async function list() {
  return tx('readonly', (store) => store.getAll());
}

export async function remove(id) {
  await tx('readwrite', (store) => store.delete(id));
  changed();
}

let flushing = null;
/** Sends every queued check with send(item) (which throws on network failure); returns how many were sent. */
export function flush(send) {
  if (flushing) return flushing;
  flushing = (async () => {
    let sent = 0;
    for (const item of await list()) {
      if (!navigator.onLine) break;
      try {
        const result = await send(item);
        await remove(item.id);
        sent += 1;
        recordHistory({ ...result, queuedAt: item.queuedAt });
      } catch (e) {
        if (e && e.problem && e.problem.network) break;   // still offline: keep it for later
        await remove(item.id);                              // refused by the server: it will never pass
        recordHistory({ plate: item.plate, verdict: 'FAILED', requestedAt: item.capturedAt, error: e.problem ? e.problem.title : String(e) });
      }
    }
    return sent;
  })().finally(() => { flushing = null; });
  return flushing;
}

// History of the checks made from this device (the API has no "my checks" list yet).
const HISTORY = 'autochec.history';
export function history() {
  try { return JSON.parse(localStorage.getItem(HISTORY) || '[]'); } catch (e) { return []; }
}
export function recordHistory(check) {
  if (!check) return;
  const entry = {
    id: check.id || check.checkId || null, plate: check.plate || (check.reading && check.reading.text) || null,
    verdict: check.verdict || check.status || null, requestedAt: check.requestedAt || new Date().toISOString(),
    source: check.source || null, error: check.error || null,
  };
  const items = history().filter((x) => !entry.id || x.id !== entry.id);
  items.unshift(entry);
  localStorage.setItem(HISTORY, JSON.stringify(items.slice(0, 100)));
}
