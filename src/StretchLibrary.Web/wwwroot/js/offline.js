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

  // othersSent: another tab or the worker says it sent logs, which this page's figures may not show yet.
  async function sync(othersSent = false) {
    if (!self.StretchQueue) {
      return;
    }
    try {
      const { sent, left } = navigator.onLine ? await StretchQueue.sync() : { sent: 0, left: (await StretchQueue.all()).length };
      const synced = await showResult(sent, left);
      await showCounts();
      // Back online on an offline copy, or sessions sent: the page's own fresh figures replace the copy's.
      if (navigator.onLine && (synced || othersSent || document.querySelector(".offline-note"))) {
        await refresh();
      }
    } catch {
      // IndexedDB unavailable: nothing was queued either.
    }
  }

  // The routine page's figures (Pages/Routines/Details.cshtml) with the logs waiting on this device counted in at
  // once, by the rules of Tracking/Adherence.cs and the browser's today. With none waiting the server's stand.
  async function showCounts() {
    const stats = document.querySelector("[data-live=stats][data-routine]");
    if (!stats) {
      return;
    }
    const waiting = (await StretchQueue.all()).filter((log) => log.routineId === Number(stats.dataset.routine));
    const note = stats.querySelector("[data-pending-note]");
    stats.classList.toggle("waiting", waiting.length > 0);
    note.hidden = waiting.length === 0;
    if (waiting.length === 0) {
      return;
    }
    const days = new Map(stats.dataset.days.split(" ").filter(Boolean).map((pair) => {
      const [date, count] = pair.split(":");
      return [date, Number(count)];
    }));
    for (const log of waiting) {
      days.set(log.body.date, (days.get(log.body.date) || 0) + 1);
    }
    const s = summarize(days, stats.dataset.target ? Number(stats.dataset.target) : null, localToday());
    const set = (name, text) => {
      stats.querySelector(`[data-stat=${name}]`).textContent = text;
    };
    set("total", String(s.total));
    set("week", s.target === null ? `${s.week} this week` : `${s.week} of ${s.target} this week`);
    set("streak", plural(s.streak, "day", "days"));
    set("longest", plural(s.longest, "day", "days"));
    set("last", s.last);
    note.textContent = `Counted here: ${plural(waiting.length, "session", "sessions")} saved on this device, waiting to sync.`;
  }

  // Adherence.Summarize: total counts sessions; the week runs from Monday; streaks and "last done" ignore dates
  // after today. days maps "yyyy-mm-dd" to that day's sessions.
  function summarize(days, target, today) {
    const D = self.StretchDates;
    const shift = (iso, n) => {
      const d = D.parse(iso);
      d.setDate(d.getDate() + n);
      return D.iso(d);
    };
    const between = (from, to) => Math.round((D.parse(to) - D.parse(from)) / 86_400_000);
    const done = [...days.keys()].filter((day) => day <= today).sort();
    const weekStart = shift(today, -((D.parse(today).getDay() + 6) % 7));
    let streak = 0;
    for (let day = days.has(today) ? today : shift(today, -1); days.has(day); day = shift(day, -1)) {
      streak++;
    }
    let longest = 0;
    let run = 0;
    done.forEach((day, i) => {
      run = i > 0 && between(done[i - 1], day) === 1 ? run + 1 : 1;
      longest = Math.max(longest, run);
    });
    const last = done.at(-1);
    const ago = last ? between(last, today) : null;
    return {
      total: [...days.values()].reduce((a, b) => a + b, 0),
      week: done.filter((day) => day >= weekStart).reduce((sum, day) => sum + days.get(day), 0),
      target,
      streak,
      longest,
      last: ago === null ? "never"
        : ago === 0 ? "today"
        : ago === 1 ? "yesterday"
        : ago < 14 ? `${ago} days ago`
        : ago < 60 ? `${Math.floor(ago / 7)} weeks ago`
        : `on ${D.day(D.parse(last))}`,
    };
  }

  // Swaps the page's live sections (data-live) for the server's fresh ones and drops the offline note. The
  // worker keeps the fresh copy too (X-Keep-Copy), so the page opened offline later shows these figures.
  async function refresh() {
    const live = document.querySelectorAll("[data-live]");
    const note = document.querySelector(".offline-note");
    if (live.length === 0 && !note) {
      return;
    }
    let response;
    try {
      response = await fetch(location.href, { cache: "no-store", credentials: "same-origin", headers: { "X-Keep-Copy": "1" } });
    } catch {
      return; // Offline again.
    }
    // Not the page (signed out meanwhile, gone), or the worker's own copy: keep what is shown.
    if (!response.ok || response.redirected || response.headers.has("X-Saved-At")) {
      return;
    }
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const section of live) {
      const replacement = fresh.querySelector(`[data-live="${section.dataset.live}"]`);
      if (replacement) {
        section.replaceWith(document.importNode(replacement, true));
      }
    }
    note?.remove();
    await showCounts();
  }

  let pendingShown = false;

  // Says what was sent and what waits; true when sessions were sent (here or elsewhere) since the page showed them.
  async function showResult(sent, left) {
    const parts = [];
    const synced = sent > 0 || (left === 0 && pendingShown);
    if (synced) {
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
    return synced;
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
    await showCounts();
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
  channel?.addEventListener("message", (event) => sync(event.data?.sent > 0));
})();
