// Offline use (progressive enhancement: without it every page and form works online as before).
// - Registers the service worker (sw.js), which keeps copies of pages for offline use.
// - Gives every "Mark done" form a fresh client id, so the same log sent twice is stored once.
// - Offline, "Mark done" is queued on this device (offline-queue.js) and sent when the connection returns:
//   on the "online" event, on every page load, and from the worker (Background Sync where the browser has it).
"use strict";
(() => {
  const channel = "BroadcastChannel" in self ? new BroadcastChannel("stretchlibrary-sync") : null;

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // No worker (e.g. private mode): pages simply need the network.
    });
  }

  function newId() {
    if (crypto.randomUUID) {
      return crypto.randomUUID();
    }
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // The browser's own calendar date, as yyyy-mm-dd.
  function localToday() {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }

  function say(text) {
    const status = document.querySelector("[data-sync-status]");
    if (status && text) {
      status.textContent = text;
    }
  }

  function formMessage(form, text) {
    let message = form.querySelector(".offline-saved");
    if (!message) {
      message = document.createElement("p");
      message.className = "offline-saved";
      message.setAttribute("role", "status");
      form.append(message);
    }
    message.textContent = text;
  }

  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  async function sync() {
    if (!self.StretchQueue) {
      return;
    }
    try {
      const { sent, left } = navigator.onLine ? await StretchQueue.sync() : { sent: 0, left: (await StretchQueue.all()).length };
      await showResult(sent, left);
    } catch {
      // IndexedDB unavailable: nothing was queued either.
    }
  }

  let pendingShown = false;

  async function showResult(sent, left) {
    const parts = [];
    if (sent > 0 || (left === 0 && pendingShown)) {
      // Sent here, or by another tab or the worker while this page waited.
      parts.push(sent > 0 ? `Synced ${plural(sent, "session", "sessions")} saved on this device.` : "Synced the sessions saved on this device.");
      for (const message of document.querySelectorAll(".offline-saved")) {
        message.textContent = "Synced.";
      }
      if (sent > 0) {
        channel?.postMessage({ sent });
      }
    }
    pendingShown = left > 0;
    if (left > 0) {
      parts.push(`${plural(left, "session is", "sessions are")} saved on this device and will sync when you're back online.`);
    }
    parts.push(...(await StretchQueue.takeNotices()));
    say(parts.join(" "));
  }

  async function queue(event) {
    // Online, the form posts as usual; its client id makes a double tap harmless.
    if (navigator.onLine || !self.StretchQueue) {
      return;
    }
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    const stretches = data.getAll("Input.Stretches");
    if (stretches.length === 0) {
      formMessage(form, "Tick at least one stretch you did.");
      return;
    }
    const number = (name) => (data.get(name) === "" || data.get(name) === null ? null : Number(data.get(name)));
    const clientId = data.get("Input.ClientId") || newId();
    await StretchQueue.add({
      clientId,
      routineId: Number(new URL(form.action).pathname.split("/")[2]),
      body: {
        clientId,
        date: data.get("Input.Date"),
        stretches,
        painBefore: number("Input.PainBefore"),
        painAfter: number("Input.PainAfter"),
        note: data.get("Input.Note") || null,
        tz: Intl.DateTimeFormat().resolvedOptions().timeZone || null,
      },
    });
    formMessage(form, "Saved on this device, will sync when you're back online.");
    pendingShown = true;
    try {
      const registration = await navigator.serviceWorker?.ready;
      await registration?.sync?.register("sessions");
    } catch {
      // No Background Sync: the next page load or "online" event sends it.
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const input of document.querySelectorAll("input.js-client-id")) {
      input.value = newId();
    }
    // A page kept from an earlier day (or rendered in another time zone) offers that day: move the untouched
    // default to the date here.
    const today = localToday();
    for (const input of document.querySelectorAll("input[type=date][data-today]")) {
      if (input.dataset.today !== today) {
        input.max = today;
        if (input.value === input.dataset.today) {
          input.value = today;
        }
      }
    }
    for (const form of document.querySelectorAll("form.done-form")) {
      form.addEventListener("submit", queue);
    }
    sync();
  });
  window.addEventListener("online", sync);
  channel?.addEventListener("message", () => sync());
})();
