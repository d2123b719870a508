// "Mark done" logs made while offline, kept in IndexedDB until the server has them, then sent to
// POST /routines/{id}/sessions. Shared by the pages (offline.js) and the service worker (sw.js), so it uses
// nothing of window (dates.js comes first). Each log carries the id the browser made for it (clientId): the server stores one row per
// id, so sending a log twice (two tabs, the worker and a page at once, a lost answer) is harmless.
"use strict";
self.StretchQueue = (() => {
  const DB = "stretchlibrary-offline";
  const LOGS = "logs";
  const NOTICES = "notices";

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(LOGS, { keyPath: "clientId" });
        request.result.createObjectStore(NOTICES, { autoIncrement: true });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  // Runs use(store) in one transaction; resolves with the result of the request it returns, once committed.
  async function withStore(name, mode, use) {
    const db = await open();
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction(name, mode);
        const request = use(tx.objectStore(name));
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }

  const add = (log) => withStore(LOGS, "readwrite", (s) => s.put(log));
  const all = () => withStore(LOGS, "readonly", (s) => s.getAll());
  const remove = (clientId) => withStore(LOGS, "readwrite", (s) => s.delete(clientId));
  const addNotice = (text) => withStore(NOTICES, "readwrite", (s) => s.add(text));

  // Messages about logs that were dropped, to show once on the next page.
  async function takeNotices() {
    const texts = await withStore(NOTICES, "readonly", (s) => s.getAll());
    if (texts.length > 0) {
      await withStore(NOTICES, "readwrite", (s) => s.clear());
    }
    return texts;
  }

  const describe = (log) => self.StretchDates.weekday(self.StretchDates.parse(log.body.date));

  // Sends every queued log once. Kept for later: network errors, 401 (signed out meanwhile), 429 and 5xx.
  // Dropped with a notice: 404 (the routine was deleted), 400 (it can never be valid) and 409/422 (the server
  // stored nothing and never will: its client id was used for another routine's log, or the account is full).
  async function sendAll() {
    let sent = 0;
    for (const log of await all()) {
      let response;
      try {
        response = await fetch(`/routines/${log.routineId}/sessions`, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(log.body),
        });
      } catch {
        break; // Still offline.
      }

      if (response.ok) {
        await remove(log.clientId);
        sent++;
      } else if (response.status === 404) {
        await remove(log.clientId);
        await addNotice(`The session saved on this device for ${describe(log)} was not kept: its routine has been deleted.`);
      } else if (response.status === 400 || response.status === 409 || response.status === 422) {
        let reason = "it was not valid";
        try {
          const problem = await response.json();
          reason = Object.values(problem.errors || {}).flat()[0] || problem.title || reason;
        } catch {
          // Keep the general reason.
        }
        await remove(log.clientId);
        await addNotice(`The session saved on this device for ${describe(log)} was not kept: ${reason}`);
      }
    }
    return { sent, left: (await all()).length };
  }

  // One sender at a time across tabs and the worker, where the browser has Web Locks.
  function sync() {
    return self.navigator.locks ? self.navigator.locks.request("stretchlibrary-sync", sendAll) : sendAll();
  }

  return { add, all, sync, takeNotices };
})();
