// Progressive enhancement only: every page works without this file.
// Tell the server the browser's time zone, so "today" and weeks follow the user's calendar.
document.addEventListener("DOMContentLoaded", () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    for (const input of document.querySelectorAll("input.js-tz")) {
      input.value = zone;
    }
  }
});

// Installing the app. Where the browser offers its own install prompt (beforeinstallprompt), a button opens it;
// iPhone and iPad Safari have no prompt, so they get a one-line hint instead, gone for good once dismissed.
// Registered as this (deferred) script runs, before the browser may fire the event.
(() => {
  const DISMISSED = "stretchlibrary-install-hint-dismissed";
  let offer = null;
  const box = () => document.querySelector("[data-install-app]");

  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    offer = event;
    if (box()) box().hidden = false;
  });
  window.addEventListener("appinstalled", () => {
    offer = null;
    if (box()) box().hidden = true;
  });

  document.addEventListener("DOMContentLoaded", () => {
    box()?.querySelector("button").addEventListener("click", async () => {
      if (!offer) return;
      const shown = offer;
      offer = null;
      box().hidden = true;
      await shown.prompt();
    });

    const hint = document.querySelector("[data-install-hint]");
    const ua = navigator.userAgent;
    // iPadOS Safari says "Macintosh"; a touch screen tells it apart. Chrome, Firefox and Edge on iOS cannot install.
    const apple = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
    const safari = /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua);
    let dismissed = false;
    try {
      dismissed = localStorage.getItem(DISMISSED) === "1";
    } catch {
      // No storage (private mode): show the hint, it just comes back next time.
    }
    if (!hint || !apple || !safari || navigator.standalone || dismissed) return;
    hint.hidden = false;
    hint.querySelector("button").addEventListener("click", () => {
      hint.hidden = true;
      try {
        localStorage.setItem(DISMISSED, "1");
      } catch {
        // Not remembered: hidden on this page only.
      }
    });
  });
})();

// The stretch list's filters sit behind one "Filters" control so results stay on a phone's first screen; on a
// wide screen there is room, so they start open.
document.addEventListener("DOMContentLoaded", () => {
  if (window.matchMedia("(min-width: 48rem)").matches) {
    for (const panel of document.querySelectorAll("details[data-open-wide]")) {
      panel.open = true;
    }
  }
});

// Print buttons (on routine sheets) stay hidden without JavaScript; the browser's own Print works there too.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.js-print")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});

// Add to / remove from a routine on list pages without leaving them. The forms post and redirect back without
// JavaScript; here they post with fetch and the cards update in place.
document.addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector("[data-pick-status]");

  function showInRoutine(slugs, routineName) {
    const inRoutine = new Set(slugs);
    for (const card of document.querySelectorAll("article[data-slug]")) {
      const has = inRoutine.has(card.dataset.slug);
      const add = card.querySelector("form[data-pick=add]");
      if (!add) continue;
      const hadFocus = card.contains(document.activeElement);
      card.classList.toggle("in-routine", has);
      add.hidden = has;
      card.querySelector("form[data-pick=remove]").hidden = !has;
      card.querySelector("[data-in-routine]").hidden = !has;
      // Keep the keyboard where it was: on the button that now stands in place of the one pressed.
      if (hadFocus && (document.activeElement === document.body || document.activeElement?.closest("[hidden]"))) {
        card.querySelector(`form[data-pick=${has ? "remove" : "add"}] button`).focus();
      }
    }
  }

  for (const form of document.querySelectorAll("form[data-pick]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = event.submitter ?? form.querySelector("button");
      button.disabled = true;
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          headers: { "X-Requested-With": "fetch" },
          credentials: "same-origin",
        });
        const result = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null;
        if (!result) {
          form.submit(); // Signed out, rate limited, …: let the page say so.
          return;
        }
        showInRoutine(result.inRoutine, result.routineName);
        if (status) status.textContent = result.message;
      } catch {
        form.submit();
      } finally {
        button.disabled = false;
      }
    });
  }
});

// The guest banner's Dismiss button: hide it in place; the form post does the same without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-dismiss-banner]");
  form?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { "X-Requested-With": "fetch" } })
      .catch(() => null);
    if (response?.ok) {
      form.closest("[data-guest-banner]").remove();
      document.getElementById("main")?.focus();
    } else {
      form.submit();
    }
  });
});

// Copy buttons (share link, calendar address, access token): hidden without JavaScript, where the text sits in a
// field ready to select. data-copy-what names what is copied when it is not a link.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.js-copy")) {
    const source = document.getElementById(button.dataset.copyTarget);
    const status = button.parentElement.querySelector("[data-copy-status]");
    const what = button.dataset.copyWhat || "link";
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(source.value);
        if (status) status.textContent = `${what[0].toUpperCase()}${what.slice(1)} copied.`;
      } catch {
        // No clipboard access: select the link so the person can copy it themselves.
        source.focus();
        source.select();
        if (status) status.textContent = `Press Ctrl+C (or ⌘C) to copy the selected ${what}.`;
      }
    });
  }
  // Selecting all of a read-only link on focus saves a fiddly drag on a phone.
  for (const field of document.querySelectorAll("input[data-copy-source]")) {
    field.addEventListener("focus", () => field.select());
  }
});

// Figure player (Pages/Routines/_FigurePlayer.cshtml): in a guided session the current stretch's figure moves
// between its frames, slow in and out, resting on each frame for the hold; during paced reps it moves out and
// back in step with the count (session.js's "session:phase" events). A Pause button stops it; with
// prefers-reduced-motion (or paused) the still frames show instead. Kept apart from session.js on purpose.
document.addEventListener("DOMContentLoaded", () => {
  const player = document.querySelector("[data-session-player] [data-figure-player]");
  const title = document.querySelector("[data-session-player] [data-title]");
  if (!player || !title) {
    return;
  }

  const pause = player.querySelector("[data-figure-pause]");
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
  const cache = new Map();
  let current = null;
  let timer = null;
  let paused = false;
  let stepping = false;

  const stop = () => {
    clearTimeout(timer);
    timer = null;
  };

  const still = (item, on) => {
    item.querySelector("[data-still]").hidden = !on;
    item.querySelector("[data-motion]").hidden = on;
  };

  const frames = (item) => {
    const slug = item.dataset.figureSlug;
    if (!cache.has(slug)) {
      const count = Number(item.dataset.motionCount);
      cache.set(slug, Promise.all(Array.from({ length: count }, (_, i) =>
        fetch(`/figures/${encodeURIComponent(slug)}/motion/${i}.svg`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText)))))));
    }
    return cache.get(slug);
  };

  // Stops what plays and loads the item's drawings; null (the still frames shown) when motion is off or fails.
  const load = async (item) => {
    stop();
    if (paused || reduced.matches || Number(item.dataset.motionCount) === 0) {
      still(item, true);
      return null;
    }
    try {
      return await frames(item);
    } catch {
      still(item, true);
      return null;
    }
  };

  const run = async (item) => {
    const drawings = await load(item);
    if (!drawings || item !== current || paused || stepping) {
      return;
    }
    const steps = Number(item.dataset.motionSteps);
    const hold = Math.max(Number(item.dataset.holdMs), 600);
    const motion = item.querySelector("[data-motion]");
    let index = 0;
    still(item, false);
    const tick = () => {
      motion.innerHTML = drawings[index];
      // Rest on each real frame for the hold; move between them in about 1.5 s.
      const delay = index % steps === 0 ? hold : 1500 / steps;
      index = (index + 1) % drawings.length;
      timer = setTimeout(tick, delay);
    };
    tick();
  };

  const sync = () => {
    const name = title.textContent.trim();
    let found = null;
    for (const item of player.querySelectorAll("[data-figure-title]")) {
      const match = item.dataset.figureTitle === name;
      item.hidden = !match;
      if (match) {
        found = item;
      }
    }
    pause.hidden = found === null || reduced.matches;
    if (found !== current) {
      current = found;
      stop();
      if (found) {
        run(found);
      }
    }
  };

  // One paced rep is one pass through the drawings: the first half on the way out, the rest on the way back.
  const step = async (item, way, ms) => {
    const drawings = await load(item);
    if (!drawings || item !== current || !stepping) {
      return;
    }
    const steps = Number(item.dataset.motionSteps);
    const half = Math.max(1, Math.round(drawings.length / steps / 2)) * steps;
    const [from, to] = way === "move" ? [0, half] : [half, drawings.length];
    const motion = item.querySelector("[data-motion]");
    let index = from;
    still(item, false);
    const tick = () => {
      motion.innerHTML = drawings[index % drawings.length];
      index += 1;
      if (index <= to) {
        timer = setTimeout(tick, ms / (to - from));
      }
    };
    tick();
  };

  document.querySelector("[data-session-player]").addEventListener("session:phase", (event) => {
    if (!current) {
      return;
    }
    if (event.detail.phase === "reps" && event.detail.step) {
      stepping = true;
      step(current, event.detail.step, event.detail.ms);
    } else if (stepping) {
      stepping = false;
      run(current);
    }
  });

  pause.addEventListener("click", () => {
    paused = !paused;
    pause.setAttribute("aria-pressed", String(paused));
    pause.textContent = paused ? "Play animation" : "Pause animation";
    if (current) {
      run(current);
    }
  });
  reduced.addEventListener("change", () => {
    sync();
    if (current) {
      run(current);
    }
  });
  new MutationObserver(sync).observe(title, { childList: true, characterData: true, subtree: true });
  sync();
});
